using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>
/// One SLA's result in the review quarter, with the quarter before for comparison. Volume, breaches and compliance
/// are of the items the SLA measures (an SLA the BPO owns: the BPO's items); InhouseCompliance is how the client's own
/// teams did on the same SLA's items, UnassignedVolume the items no team handled (neither counted).
/// </summary>
public sealed record SlaLine(
    string SlaId, string Name, string Owner, decimal Target, long Volume, long Breaches, long OpenBreaches,
    decimal? Compliance, bool TargetMet, decimal? PriorCompliance, decimal ServiceCredit, string? TopCause,
    long InhouseVolume = 0, decimal? InhouseCompliance = null, long UnassignedVolume = 0)
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
    ReportTable Definitions,
    QuarterCredits? Credits = null,
    SlaContract? Contract = null,
    ReportTable? Actions = null)
{
    /// <summary>The actions still open at the quarter end, the overdue ones among them, and those closed in the quarter.</summary>
    public (int Open, int Overdue, int Closed) ActionCounts
    {
        get
        {
            if (Actions is null) return (0, 0, 0);
            var status = Actions.IndexOf("status");
            var overdue = Actions.IndexOf("overdue");
            return (Actions.Rows.Count(r => (string?)r[status] == "open"), Actions.Rows.Count(r => (string?)r[overdue] == "yes"),
                Actions.Rows.Count(r => (string?)r[status] != "open"));
        }
    }
}
