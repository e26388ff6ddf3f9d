using System.Globalization;

namespace O2C.Analytics.Extract.Bank.Bai2;

/// <summary>
/// Reads a BAI2 (Cash Management Balance Reporting, version 2) file: groups (02) of accounts (03) with their
/// transaction details (16), continuations (88), and the account (49), group (98) and file (99) trailers whose
/// control totals and record counts are checked against what the file holds.
/// Amounts carry no decimal point; the currency's minor units place it (2 unless the currency says otherwise).
/// </summary>
public static class Bai2Reader
{
    public static BankStatementFile Read(string path) => Parse(Path.GetFileName(path), File.ReadAllLines(path));

    public static BankStatementFile Parse(string fileName, IReadOnlyList<string> lines)
    {
        var records = Bai2RecordReader.Read(fileName, lines);
        if (records.Count == 0) throw new BankFormatException(fileName, 1, "the file is empty");
        if (records[0].Code != "01") throw new BankFormatException(fileName, records[0].Line, "a BAI2 file starts with a file header (01)");

        var statements = new List<BankStatement>();
        var problems = new List<ControlTotalProblem>();
        var fileTotal = 0m; var fileRecords = 0; var groups = 0;
        var groupTotal = 0m; var groupRecords = 0; var accounts = 0;
        var accountTotal = 0m; var accountRecords = 0;
        DateOnly groupDate = default;
        string groupCurrency = "USD";
        Account? account = null;
        var inGroup = false;
        var fileClosed = false;

        foreach (var r in records)
        {
            if (fileClosed) throw new BankFormatException(fileName, r.Line, "records after the file trailer (99)");
            fileRecords += r.PhysicalRecords;
            if (inGroup) groupRecords += r.PhysicalRecords;
            if (account is not null) accountRecords += r.PhysicalRecords;
            switch (r.Code)
            {
                case "01":
                    if (r != records[0]) throw new BankFormatException(fileName, r.Line, "a second file header (01)");
                    break;
                case "02":
                    if (inGroup) throw new BankFormatException(fileName, r.Line, "a group header (02) before the previous group's trailer (98)");
                    inGroup = true; groupRecords = r.PhysicalRecords; groupTotal = 0; accounts = 0; groups++;
                    groupDate = Date(fileName, r.Line, r.Field(3), "as-of date");
                    groupCurrency = r.Field(5).Length > 0 ? r.Field(5) : "USD";
                    break;
                case "03":
                    if (!inGroup || account is not null) throw new BankFormatException(fileName, r.Line, "an account (03) outside a group or inside another account");
                    account = new Account(r.Field(0), r.Field(1).Length > 0 ? r.Field(1) : groupCurrency, r.Line);
                    accountRecords = r.PhysicalRecords; accounts++;
                    accountTotal = Summaries(fileName, r, account);
                    break;
                case "16":
                    if (account is null) throw new BankFormatException(fileName, r.Line, "a transaction detail (16) outside an account");
                    accountTotal += Detail(fileName, r, account, groupDate);
                    break;
                case "49":
                    if (account is null) throw new BankFormatException(fileName, r.Line, "an account trailer (49) without an account");
                    Check(problems, r.Line, $"account {account.Number} control total", Amount(fileName, r.Line, r.Field(0)), accountTotal);
                    Check(problems, r.Line, $"account {account.Number} record count", Count(fileName, r.Line, r.Field(1)), accountRecords);
                    statements.Add(account.ToStatement(groupDate));
                    groupTotal += Amount(fileName, r.Line, r.Field(0));
                    account = null;
                    break;
                case "98":
                    if (!inGroup || account is not null) throw new BankFormatException(fileName, r.Line, "a group trailer (98) outside a group or before its account's trailer (49)");
                    Check(problems, r.Line, "group control total", Amount(fileName, r.Line, r.Field(0)), groupTotal);
                    Check(problems, r.Line, "group account count", Count(fileName, r.Line, r.Field(1)), accounts);
                    Check(problems, r.Line, "group record count", Count(fileName, r.Line, r.Field(2)), groupRecords);
                    fileTotal += Amount(fileName, r.Line, r.Field(0));
                    inGroup = false;
                    break;
                case "99":
                    if (inGroup) throw new BankFormatException(fileName, r.Line, "the file trailer (99) before the group trailer (98)");
                    Check(problems, r.Line, "file control total", Amount(fileName, r.Line, r.Field(0)), fileTotal);
                    Check(problems, r.Line, "file group count", Count(fileName, r.Line, r.Field(1)), groups);
                    Check(problems, r.Line, "file record count", Count(fileName, r.Line, r.Field(2)), fileRecords);
                    fileClosed = true;
                    break;
            }
        }
        if (!fileClosed) throw new BankFormatException(fileName, records[^1].Line, "the file ends without a file trailer (99)");
        return new BankStatementFile(fileName, "BAI2", statements, problems);
    }

    /// <summary>The 03 record's status and summary amounts: (type, amount, item count, funds type + details) repeated.</summary>
    private static decimal Summaries(string fileName, Bai2Record r, Account account)
    {
        var total = 0m;
        var i = 2;
        while (i < r.Fields.Count)
        {
            var type = r.Field(i);
            var amountText = r.Field(i + 1);
            if (type.Length == 0 && amountText.Length == 0) { i += 4; continue; }
            var amount = amountText.Length == 0 ? 0 : Amount(fileName, r.Line, amountText);
            total += amount;
            if (type == "010") account.Opening = amount;
            if (type == "015") account.Closing = amount;
            i += 4 + Bai2RecordReader.FundsDetailCount(r.Fields, i + 3);
        }
        return total;
    }

    /// <summary>
    /// Type codes of entries that undo an earlier one. Credits: a debit reversed, a cheque or ACH item of ours returned,
    /// a credit we sent rejected, an outgoing wire returned (a bounced refund): money back, no customer's payment.
    /// Debits: a credit reversed, a deposited item or ACH receipt returned: a customer's payment taken back.
    /// </summary>
    private static readonly HashSet<int> Returns = [252, 255, 257, 258, 261, 266, 268, 552, 555, 557, 558, 566, 568];

    private static decimal Detail(string fileName, Bai2Record r, Account account, DateOnly groupDate)
    {
        var type = r.Field(0);
        var raw = Amount(fileName, r.Line, r.Field(1));
        var funds = r.Field(2);
        var valueDate = funds == "V" && r.Field(3).Length > 0 ? Date(fileName, r.Line, r.Field(3), "value date") : groupDate;
        var refIndex = 3 + Bai2RecordReader.FundsDetailCount(r.Fields);
        var code = int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
        var credit = code is >= 100 and <= 399 or >= 900 and <= 919;
        var amount = Scale(raw, account.Currency) * (credit ? 1 : -1);
        var (remittance, payer, payerAccount) = Bai2DetailText.Read(r.Field(refIndex + 2));
        account.Transactions.Add(new BankTransaction(account.Number, account.Currency, valueDate, groupDate, amount, type,
            Blank(r.Field(refIndex)), Blank(r.Field(refIndex + 1)), Blank(remittance), Blank(payer), r.Line,
            IsReversal: Returns.Contains(code), CounterpartyAccount: Blank(payerAccount)));
        return raw;
    }

    private static void Check(List<ControlTotalProblem> problems, int line, string what, decimal expected, decimal actual)
    {
        if (expected != actual) problems.Add(new ControlTotalProblem(line, what, expected, actual));
    }

    private static decimal Amount(string fileName, int line, string text)
    {
        if (text.Length == 0) return 0;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new BankFormatException(fileName, line, $"'{text}' is not a BAI2 amount (digits with an optional sign)");
        return value;
    }

    private static int Count(string fileName, int line, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new BankFormatException(fileName, line, $"'{text}' is not a record count");

    private static DateOnly Date(string fileName, int line, string text, string what) =>
        DateOnly.TryParseExact(text, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new BankFormatException(fileName, line, $"'{text}' is not a {what} (YYMMDD)");

    internal static decimal Scale(decimal minorUnits, string currency) =>
        minorUnits / (currency is "JPY" or "KRW" or "CLP" or "ISK" or "VND" ? 1m : 100m);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed class Account(string number, string currency, int line)
    {
        public string Number { get; } = number;
        public string Currency { get; } = currency;
        public int Line { get; } = line;
        public decimal? Opening { get; set; }
        public decimal? Closing { get; set; }
        public List<BankTransaction> Transactions { get; } = [];

        public BankStatement ToStatement(DateOnly asOf) => new(Number, Currency, $"{asOf:yyyyMMdd}-{Number}", asOf,
            Opening is { } o ? Scale(o, Currency) : null, Closing is { } c ? Scale(c, Currency) : null, Transactions);
    }
}
