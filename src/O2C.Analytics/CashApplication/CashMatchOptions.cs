namespace O2C.Analytics.CashApplication;

/// <summary>How cash matching decides: matches scoring at least AutoApplyThreshold are applied, the rest queued.</summary>
/// <param name="ShortPaymentTolerance">A single referenced invoice paid short by at most this share is applied with a deduction for the rest.</param>
public sealed record CashMatchOptions(DateOnly ApplicationDate, decimal AutoApplyThreshold = 0.90m, decimal ShortPaymentTolerance = 0.15m);
