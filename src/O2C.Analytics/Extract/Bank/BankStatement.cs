namespace O2C.Analytics.Extract.Bank;

/// <summary>One account's statement (or BAI2 account section) for one reporting date.</summary>
public sealed record BankStatement(
    string AccountNumber,
    string Currency,
    string? StatementId,
    DateOnly AsOfDate,
    decimal? OpeningBalance,
    decimal? ClosingBalance,
    IReadOnlyList<BankTransaction> Transactions);
