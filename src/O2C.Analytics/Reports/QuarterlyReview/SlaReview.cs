using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>One SLA's result in the review quarter, with the quarter before for comparison.</summary>
public sealed record SlaLine(
    string SlaId, string Name, string Owner, decimal Target, long Volume, long Breaches, long OpenBreaches,
    decimal? Compliance, bool TargetMet, decimal? PriorCompliance, decimal ServiceCredit, string? TopCause)
{
    /// <summary>Change in compliance from the prior quarter, in percentage points.</summary>
    public decimal? ChangePoints => Compliance is { } c && PriorCompliance is { } p ? Math.Round((c - p) * 100m, 1) : null;
}

/// <summary>Everything the quarterly SLA breach review shows, read from the warehouse's measurements.</summary>
public sealed record SlaReview(
    SlaQuarter Quarter,
    IReadOnlyList<SlaQuarter> Quarters,
    string ReportingCurrency,
    DateTime GeneratedAtUtc,
    IReadOnlyList<SlaLine> Lines,
    ReportTable Trend,
    ReportTable Causes,
    ReportTable ByOwner,
    ReportTable BySegment,
    ReportTable ByCustomer,
    ReportTable RepeatOffenders,
    ReportTable Breaches,
    long BreachesInQuarter,
    ReportTable Definitions);
