using System.Globalization;

namespace O2C.Analytics.Extract.Bank;

/// <summary>
/// What makes a bank statement the same statement, whatever its file is called: format, account, the bank's
/// statement id, the as-of date, the opening and closing balances, and the number and net amount of its entries.
/// Two deliveries of one statement agree on all of them; two different statements never do (a next day's statement
/// has another date and opening balance, a corrected one other entries or totals).
/// </summary>
public static class BankStatementIdentity
{
    public static string Key(string format, BankStatement statement) => string.Join("|",
        format,
        statement.AccountNumber,
        statement.StatementId ?? "",
        statement.AsOfDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Amount(statement.OpeningBalance),
        Amount(statement.ClosingBalance),
        statement.Transactions.Count.ToString(CultureInfo.InvariantCulture),
        Amount(statement.Transactions.Sum(t => t.Amount)));

    private static string Amount(decimal? value) => value is { } v ? v.ToString("0.#####", CultureInfo.InvariantCulture) : "";
}
