using O2C.Analytics.Metrics;

namespace O2C.Analytics.Render.Workbook;

/// <summary>Everything the monthly KPI pack shows, read from the warehouse before rendering.</summary>
public sealed record KpiPack(
    DateOnly MonthEnd,
    string ReportingCurrency,
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<KpiValue> CompanyValues,
    DateTime GeneratedAtUtc,
    IReadOnlyDictionary<string, KpiTarget>? Targets = null,
    IReadOnlyDictionary<string, string>? Signals = null)
{
    public KpiTarget? Target(string kpiId) => Targets?.GetValueOrDefault(kpiId);

    /// <summary>The month's alerting control-chart signals of a KPI, e.g. "up (bad), rules 1,2" (docs/spc.md numbers the rules).</summary>
    public string? Signal(string kpiId) => Signals?.GetValueOrDefault(kpiId);

    public KpiValue? Value(string kpiId, DateOnly monthEnd) =>
        CompanyValues.FirstOrDefault(v => v.KpiId == kpiId && v.PeriodEnd == monthEnd);
}
