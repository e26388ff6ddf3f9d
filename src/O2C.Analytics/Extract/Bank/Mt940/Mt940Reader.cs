using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace O2C.Analytics.Extract.Bank.Mt940;

/// <summary>
/// Reads SWIFT MT940 customer statements: one or more statements (:20: ... :62F:, ended by '-'), statement lines
/// (:61:) with their multi-line information (:86:), opening (:60F:/:60M:) and closing (:62F:/:62M:) balances, which
/// must agree with the lines. Bank-specific header lines before the first :20: are skipped. Dates that do not
/// exist (30 February) are refused, never guessed.
/// </summary>
public static partial class Mt940Reader
{
    [GeneratedRegex(@"^:(?<tag>[0-9]{2}[A-Z]?|[A-Z]{2}):(?<value>.*)$")]
    private static partial Regex FieldStart();

    [GeneratedRegex(@"^(?<value>\d{6})(?<entry>\d{4})?(?<mark>R?[CD])(?<funds>[A-Z])?(?<amount>\d+(,\d*)?)(?<type>[NSF][A-Z0-9 ]{3})(?<reference>.*?)(//(?<bank>.*))?$")]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"^(?<mark>[CD])(?<date>\d{6})(?<currency>[A-Z]{3})(?<amount>\d+,\d*)$")]
    private static partial Regex BalanceField();

    public static BankStatementFile Read(string path) => Parse(Path.GetFileName(path), File.ReadAllLines(path, Encoding.UTF8));

    public static BankStatementFile Parse(string fileName, IReadOnlyList<string> lines)
    {
        var statements = new List<BankStatement>();
        var problems = new List<ControlTotalProblem>();
        foreach (var fields in Statements(lines))
            statements.Add(Statement(fileName, fields, problems));
        if (statements.Count == 0)
            throw new BankFormatException(fileName, 1, "no MT940 statement (a :20: field) in the file");
        return new BankStatementFile(fileName, "MT940", statements, problems);
    }

    /// <summary>The fields of each statement: from a :20: to the '-' line (or the next :20:).</summary>
    private static IEnumerable<List<Mt940Field>> Statements(IReadOnlyList<string> lines)
    {
        List<Mt940Field>? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var start = FieldStart().Match(line);
            if (start.Success)
            {
                var tag = start.Groups["tag"].Value;
                if (tag == "20")
                {
                    if (current is { Count: > 0 }) yield return current;
                    current = [];
                }
                current?.Add(new Mt940Field(tag, start.Groups["value"].Value, i + 1));
            }
            else if (line.StartsWith('-') && line.Trim('-', ' ', 'X').Length == 0)
            {
                if (current is { Count: > 0 }) yield return current;
                current = null;
            }
            else if (current is { Count: > 0 } && line.Trim().Length > 0)
            {
                var last = current[^1];
                current[^1] = last with { Value = last.Value + "\n" + line };
            }
        }
        if (current is { Count: > 0 }) yield return current;
    }

    private static BankStatement Statement(string fileName, List<Mt940Field> fields, List<ControlTotalProblem> problems)
    {
        string Required(string tag, string what) => fields.FirstOrDefault(f => f.Tag.StartsWith(tag, StringComparison.Ordinal))?.Value.Trim()
            ?? throw new BankFormatException(fileName, fields[0].Line, $"statement {fields[0].Value.Trim()} has no {what} (:{tag}:)");
        var account = Required("25", "account");
        var reference = fields[0].Value.Trim();
        var openingField = fields.FirstOrDefault(f => f.Tag is "60F" or "60M")
            ?? throw new BankFormatException(fileName, fields[0].Line, $"statement {reference} has no opening balance (:60F:)");
        var opening = Balance(fileName, openingField);
        var closingField = fields.FirstOrDefault(f => f.Tag is "62F" or "62M");
        (decimal Amount, DateOnly Date, string Currency)? closing = closingField is null ? null : Balance(fileName, closingField);

        var transactions = new List<BankTransaction>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Tag != "61") continue;
            var information = new List<string>();
            for (var j = i + 1; j < fields.Count && fields[j].Tag == "86"; j++) information.Add(fields[j].Value);
            transactions.Add(Line(fileName, fields[i], string.Join("\n", information), account, opening.Currency));
        }
        var total = opening.Amount + transactions.Sum(t => t.Amount);
        if (closing is { } c && c.Amount != total)
            problems.Add(new ControlTotalProblem(closingField!.Line, $"statement {reference} opening balance + lines = closing balance", c.Amount, total));
        return new BankStatement(account, opening.Currency, $"{reference}/{fields.FirstOrDefault(f => f.Tag.StartsWith("28", StringComparison.Ordinal))?.Value.Trim()}",
            closing?.Date ?? opening.Date, opening.Amount, closing?.Amount, transactions);
    }

    private static BankTransaction Line(string fileName, Mt940Field field, string information, string account, string currency)
    {
        var firstLine = field.Value.Split('\n')[0].Trim();
        var m = StatementLine().Match(firstLine);
        if (!m.Success) throw new BankFormatException(fileName, field.Line, $"':61:{firstLine}' is not an MT940 statement line");
        var valueDate = Date(fileName, field.Line, m.Groups["value"].Value);
        DateOnly? bookingDate = null;
        if (m.Groups["entry"].Success)
        {
            var entry = m.Groups["entry"].Value;
            var year = valueDate.Year;
            // The entry date has no year: it is the one nearest the value date (a statement may span a year end).
            if (entry.StartsWith("01", StringComparison.Ordinal) && valueDate.Month == 12) year++;
            if (entry.StartsWith("12", StringComparison.Ordinal) && valueDate.Month == 1) year--;
            bookingDate = Date(fileName, field.Line, $"{year % 100:00}{entry}");
        }
        var mark = m.Groups["mark"].Value;
        var amount = Amount(fileName, field.Line, m.Groups["amount"].Value);
        // C credit, D debit; RC reverses a credit (money out), RD reverses a debit (money in).
        var signed = mark is "C" or "RD" ? amount : -amount;
        var (remittance, counterparty, counterpartyAccount) = Information(information);
        var supplementary = string.Join(" ", field.Value.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0));
        // A returned item (:61: type RTI) or the German business codes 109 (Ruecklastschrift: a direct debit of ours
        // returned unpaid) and 159 (Rueckueberweisung: a transfer of ours, a refund say, returned): an earlier entry
        // undone, not a customer's payment, whether the bank also marks it RC/RD or not.
        var returned = m.Groups["type"].Value[1..] == "RTI" || BusinessCode(information) is "109" or "159";
        // A transfer from abroad (German business codes 201, 202, 206, 210) arrives as a wire, less any bank's charges.
        var foreign = BusinessCode(information) is "201" or "202" or "206" or "210";
        return new BankTransaction(account, currency, valueDate, bookingDate, signed, m.Groups["type"].Value + (foreign ? "/XB" : ""),
            Blank(m.Groups["bank"].Value), Blank(m.Groups["reference"].Value.Trim()),
            Blank(string.Join(" ", new[] { remittance, supplementary }.Where(s => !string.IsNullOrEmpty(s)))), counterparty, field.Line,
            IsReversal: mark.StartsWith('R') || returned, CounterpartyAccount: counterpartyAccount);
    }

    /// <summary>
    /// The :86: text. German banks structure it with ?nn subfields: ?20-?29 purpose, ?30 the counterparty's bank code
    /// (BIC or BLZ), ?31 its account (IBAN or account number), ?32-?33 its name; otherwise the whole text is the
    /// remittance information.
    /// </summary>
    private static (string? Remittance, string? Counterparty, string? CounterpartyAccount) Information(string text)
    {
        // Subfields run on over lines; a space that ends a line is part of the text (a 27-character ?2x piece may end
        // between two words), so only the line break goes.
        var flat = string.Join("", text.Split('\n').Select(l => l.TrimEnd('\r')));
        if (!flat.Contains("?20", StringComparison.Ordinal))
            return (Blank(FreeText(text)), null, null);
        var parts = flat.Split('?').Skip(1).Where(p => p.Length >= 2).Select(p => (Code: p[..2], Text: p[2..])).ToList();
        var purpose = string.Concat(parts.Where(p => string.CompareOrdinal(p.Code, "20") >= 0 && string.CompareOrdinal(p.Code, "29") <= 0
                                                     || string.CompareOrdinal(p.Code, "60") >= 0 && string.CompareOrdinal(p.Code, "63") <= 0).Select(p => p.Text));
        var name = string.Concat(parts.Where(p => p.Code is "32" or "33").Select(p => p.Text)).Trim();
        var account = string.Concat(parts.Where(p => p.Code == "31").Select(p => p.Text)).Trim();
        return (Blank(purpose.Trim()), Blank(name), Blank(account));
    }

    /// <summary>
    /// Free :86: text over several lines. A line filled to the field's 65 characters (61 after the tag on the first) was
    /// cut where it fell, maybe mid-word: the next goes on without a space ("INV-00047" + "11" is INV-0004711). A
    /// shorter line ended at a word.
    /// </summary>
    private static string FreeText(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var joined = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var full = lines[i].Length >= (i == 0 ? 61 : 65);
            joined.Append(i == 0 ? lines[i].TrimStart() : lines[i]);
            if (!full && i + 1 < lines.Count) joined.Append(' ');
        }
        return string.Join(" ", joined.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The business transaction code (GVC) German banks put before the ?nn subfields of :86:, e.g. 166 in "166?00GUTSCHRIFT".</summary>
    private static string? BusinessCode(string information)
    {
        var text = information.TrimStart();
        return text.Length >= 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && text[3] == '?' ? text[..3] : null;
    }

    private static (decimal Amount, DateOnly Date, string Currency) Balance(string fileName, Mt940Field field)
    {
        var m = BalanceField().Match(field.Value.Split('\n')[0].Trim());
        if (!m.Success) throw new BankFormatException(fileName, field.Line, $"':{field.Tag}:{field.Value.Trim()}' is not an MT940 balance (C/D, YYMMDD, currency, amount)");
        var amount = Amount(fileName, field.Line, m.Groups["amount"].Value);
        return (m.Groups["mark"].Value == "D" ? -amount : amount, Date(fileName, field.Line, m.Groups["date"].Value), m.Groups["currency"].Value);
    }

    private static decimal Amount(string fileName, int line, string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new BankFormatException(fileName, line, $"'{text}' is not an MT940 amount");

    private static DateOnly Date(string fileName, int line, string yymmdd) =>
        DateOnly.TryParseExact(yymmdd, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new BankFormatException(fileName, line, $"'{yymmdd}' is not a calendar date (YYMMDD)");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
