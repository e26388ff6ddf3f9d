namespace O2C.Analytics.CashApplication;

/// <summary>What one matching run did.</summary>
public sealed record CashMatchResult(long RunId, int ReceiptsConsidered, int AutoApplied, int Exceptions,
    IReadOnlyDictionary<string, decimal> AppliedByCurrency, int Deductions,
    IReadOnlyDictionary<string, int> AutoAppliedByRule);
