namespace O2C.Analytics.Spc;

/// <summary>
/// Baseline window for the limits (default the first 12 months with a value; longer, or starting after a confirmed
/// process change, by configuration) and the KPIs charted on seasonally adjusted values (baseline at least 24 months).
/// </summary>
public sealed record SpcOptions(
    int BaselineMonths = 12,
    DateOnly? BaselineStart = null,
    IReadOnlySet<string>? SeasonalKpis = null,
    int SeasonalBaselineMonths = 24)
{
    public bool IsSeasonal(string kpiId) => SeasonalKpis?.Contains(kpiId) == true;
}
