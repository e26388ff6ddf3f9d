namespace O2C.Analytics.Spc;

/// <summary>
/// Baseline window for the limits: 12 months with a value, starting after a warm-up of 6 months from the first month
/// of data (a history that starts empty has no aged items yet, so its first months are not the process); a
/// confirmed process change is configured as a later BaselineStart. Charts start where the baseline starts.
/// SeasonalKpis are charted on seasonally adjusted values (baseline at least 24 months).
/// </summary>
public sealed record SpcOptions(
    int BaselineMonths = 12,
    DateOnly? BaselineStart = null,
    int WarmUpMonths = 6,
    IReadOnlySet<string>? SeasonalKpis = null,
    int SeasonalBaselineMonths = 24)
{
    public bool IsSeasonal(string kpiId) => SeasonalKpis?.Contains(kpiId) == true;
}
