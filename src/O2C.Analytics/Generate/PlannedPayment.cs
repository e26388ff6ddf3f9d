namespace O2C.Analytics.Generate;

/// <summary>Money a customer will send for one document on one date (before grouping into receipts).</summary>
public sealed record PlannedPayment(DateOnly Date, string DocumentId, decimal Amount);
