namespace O2C.Analytics.Generate;

/// <summary>
/// Money a customer will send for one document on one date (before grouping into receipts). A weekly payment run
/// may send it earlier, never before <paramref name="NotBefore"/> (the day after the invoice; its own date when it
/// must not move, as a later instalment or a recovered deduction).
/// </summary>
public sealed record PlannedPayment(DateOnly Date, string DocumentId, decimal Amount, DateOnly NotBefore);
