using O2C.Analytics.Metrics;

namespace O2C.Analytics.Render.Workbook;

/// <summary>Everything the monthly KPI pack shows, read from the warehouse before rendering.</summary>
public sealed record KpiPack(
    DateOnly MonthEnd,
    string ReportingCurrency,
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<KpiValue> CompanyValues,
    DateTime GeneratedAtUtc)
{
    public KpiValue? Value(string kpiId, DateOnly monthEnd) =>
        CompanyValues.FirstOrDefault(v => v.KpiId == kpiId && v.PeriodEnd == monthEnd);
}
