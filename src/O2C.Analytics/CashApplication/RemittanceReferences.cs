using System.Text;
using System.Text.RegularExpressions;

namespace O2C.Analytics.CashApplication;

/// <summary>
/// A document number as a payer wrote it: its digits without leading zeros (INV-0000123, INV 123, RG123 and #123 are
/// all 123), whether a prefix stood before it, and whether letters had to be read as digits (O, I, l, S, B, Z).
/// </summary>
public sealed record ReferenceToken(string Number, bool Prefixed, bool Repaired, string Raw);

/// <summary>
/// Document references in remittance text as payers write them: with any prefix or none (INV-, INV, IVN, lNV, RG, RE,
/// Rechnung, Invoice, #), a dash, a space or nothing before the digits, leading zeros or not, and letters typed or
/// scanned for digits. Dates, percentages and amounts are taken out of the text first, so that "2% Skonto 8,37" or
/// "vom 20.08.2026" never pass for invoice numbers.
/// </summary>
public static partial class RemittanceReferences
{
    [GeneratedRegex(@"(?<![0-9])(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4})(?![0-9])")]
    internal static partial Regex Dates();

    [GeneratedRegex(@"(?<![0-9.,])\d{1,2}(?:[.,]\d{1,2})?\s?%")]
    internal static partial Regex Percentages();

    // 1,234.56 / 1.234,56 / 1'234.56 / 1234.56 / 8,37: a decimal mark followed by exactly two digits; or a whole amount
    // in groups of three (69,129 yen, 1.250 euros): a document number is not written with thousands separators.
    [GeneratedRegex(@"(?<![0-9A-Za-z.,'])\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}(?![0-9])|(?<![0-9A-Za-z.,'])\d+[.,]\d{2}(?![0-9])|(?<![0-9A-Za-z.,'])\d{1,3}(?:[.,']\d{3})+(?![0-9]|[.,]\d)")]
    internal static partial Regex Amounts();

    // A credit note's number (GS 4790, CM-4790, Gutschrift 4790, CREDIT NOTE 4790, EDI RMR*CM*...): the payer netted a
    // credit, it names no invoice. Read out of the text like an amount, so 4790 is not taken for INV-0004790.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:GS|CM|CN|GUTSCHRIFT|CREDIT\s?NOTE|CREDIT\s?MEMO|RMR\*CM\*)\s*[-:.#/]?\s*[A-Za-z]{0,3}[-]?[0-9]{3,}(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex CreditNotes();

    // ISO 11649 creditor reference: RF, two check digits, up to 21 letters and digits (RF18INV0001234).
    [GeneratedRegex(@"(?<![A-Za-z0-9])RF(?<check>\d{2})\s?(?<body>[A-Za-z0-9]{1,21})(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex CreditorReference();

    // A prefix (misspelt ones too), an optional separator, then digits with letters a keyboard or a scanner puts for
    // them. The number part must hold at least two real digits.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:INVOICES?|INV|IVN|LNV|1NV|RECHNUNG|RECHN|RECH|RG|RE|FAKTURA|FACT|BILL|NR|NO)\s*[-:.#/]?\s*(?<number>[0-9OILSBZ]{3,})(?![0-9A-Za-z])|#\s?(?<number>[0-9]{3,})(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{3,}(?![0-9])")]
    private static partial Regex Bare();

    public static IReadOnlyList<ReferenceToken> Find(string? remittance)
    {
        if (string.IsNullOrWhiteSpace(remittance)) return [];
        var text = new StringBuilder(remittance);
        foreach (var pattern in new[] { Dates(), Percentages(), Amounts(), CreditNotes(), RemittanceAdjustments.KeywordWholeAmount() })
            foreach (Match m in pattern.Matches(text.ToString()))
                Blank(text, m);
        var found = new List<(int At, ReferenceToken Token)>();
        // A creditor reference whose check digits hold names its document exactly: its digits, as a prefixed number.
        foreach (Match m in CreditorReference().Matches(text.ToString()))
        {
            var body = m.Groups["body"].Value.ToUpperInvariant();
            if (!ValidCreditorReference(m.Groups["check"].Value, body)) continue;
            var digits = new string(body.SkipWhile(char.IsAsciiLetter).ToArray());
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) continue;
            found.Add((m.Index, new ReferenceToken(Trim(digits), true, false, m.Value)));
            Blank(text, m);
        }
        foreach (Match m in Prefixed().Matches(text.ToString()))
        {
            var raw = m.Groups["number"].Value.ToUpperInvariant();
            var digits = Digits(raw);
            if (digits is null) continue;
            found.Add((m.Index, new ReferenceToken(Trim(digits), true, digits != raw, m.Value.Trim())));
            Blank(text, m);
        }
        foreach (Match m in Bare().Matches(text.ToString()))
            found.Add((m.Index, new ReferenceToken(Trim(m.Value), false, false, m.Value)));
        // in the order written: the first reference is the one a payer means most
        return found.Where(f => f.Token.Number.Length > 0).OrderBy(f => f.At).Select(f => f.Token).ToList();
    }

    /// <summary>The number of a document id without prefix and leading zeros: INV-0001234 -> 1234.</summary>
    public static string NumberOf(string documentId)
    {
        var dash = documentId.LastIndexOf('-');
        return Trim(dash < 0 ? documentId : documentId[(dash + 1)..]);
    }

    /// <summary>
    /// Numbers one slip away (a digit left out, doubled, changed, or two neighbours swapped), leading zeros trimmed: the
    /// typos payers make. Each is only a candidate: the matcher accepts one when the amount or the payer agrees.
    /// </summary>
    public static IEnumerable<string> OneSlipAway(string number)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { number };
        var variants = new List<string>();
        void Add(string v) { v = Trim(v); if (v.Length >= 2 && seen.Add(v)) variants.Add(v); }
        for (var i = 0; i < number.Length; i++)
        {
            Add(number.Remove(i, 1));
            if (i + 1 < number.Length && number[i] != number[i + 1])
                Add(number[..i] + number[i + 1] + number[i] + number[(i + 2)..]);
            for (var d = '0'; d <= '9'; d++)
                if (d != number[i]) Add(number[..i] + d + number[(i + 1)..]);
        }
        for (var i = 0; i <= number.Length; i++)
            for (var d = '0'; d <= '9'; d++)
                Add(number.Insert(i, d.ToString()));
        return variants;
    }

    /// <summary>The digits the letters stand for (O 0, I/L 1, Z 2, S 5, B 8); null when fewer than two were digits already.</summary>
    private static string? Digits(string raw)
    {
        if (raw.Count(char.IsAsciiDigit) < 2) return null;
        return string.Concat(raw.Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', 'Z' => '2', 'S' => '5', 'B' => '8', _ => c }));
    }

    private static string Trim(string digits) => digits.TrimStart('0');

    /// <summary>ISO 11649: the body, then R F and the check digits, letters as 10-35, is 1 modulo 97.</summary>
    private static bool ValidCreditorReference(string check, string body)
    {
        var remainder = 0;
        foreach (var c in body + "RF" + check)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    private static void Blank(StringBuilder text, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length; i++) text[i] = ' ';
    }
}
