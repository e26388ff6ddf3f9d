namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>A KPI's target in force for a month, with its amber tolerance band.</summary>
public sealed record KpiTarget(string KpiId, decimal Target, decimal? Tolerance);
