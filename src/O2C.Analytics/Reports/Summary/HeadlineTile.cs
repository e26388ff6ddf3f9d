using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.Summary;

/// <summary>Whether a change is good or bad news for the figure it moved (its KPI's direction), or neither.</summary>
public enum TileTone { Neutral, Good, Bad }

/// <summary>
/// One headline figure of the summary page: the month's actual, what it is compared with (the prior month, or the
/// forecast), the target in force, and the change in absolute and relative terms, toned by the figure's direction.
/// </summary>
/// <param name="Unit">As a KPI's: amount, days, %, times, index.</param>
/// <param name="Baseline">What the actual is compared with (the prior month's value, the forecast).</param>
/// <param name="ComparedWith">How the comparison reads: "on September", "vs forecast".</param>
/// <param name="Note">A line under the figure: the share of AR, the forecast's range and accuracy.</param>
/// <param name="YearAgo">The same month a year before, and its label ("Oct 2025").</param>
public sealed record HeadlineTile(
    string Title,
    string Unit,
    decimal? Actual,
    decimal? Baseline,
    string ComparedWith,
    KpiDirection Direction,
    decimal? Target = null,
    string? Note = null,
    decimal? YearAgo = null,
    string? YearAgoMonth = null)
{
    /// <summary>"target 45.0 days · Oct 2025: 38.4 days": what else the figure stands against, or empty.</summary>
    public string Context => string.Join(" \u00B7 ", new[]
    {
        Target is { } t ? $"target {LeadershipFigures.Value(t, Unit)}" : null,
        YearAgo is { } y && YearAgoMonth is { } m ? $"{m}: {LeadershipFigures.Value(y, Unit)}" : null,
    }.OfType<string>());

    /// <summary>
    /// Whether the change is worth a reader's attention: at least 2 % of the baseline for amounts and days, half a
    /// point for percentages, 0.05 for ratios. The headline's better/worse lists name only these.
    /// </summary>
    public bool IsMaterial => ShownChange is { } c && c != 0 && Unit switch
    {
        "%" => Math.Abs(c) >= 0.5m,
        "times" => Math.Abs(c) >= 0.05m,
        _ => ChangePercent is not { } p || Math.Abs(p) >= 0.02m,
    };

    public decimal? Change => Actual - Baseline;

    /// <summary>The change relative to the baseline's size; none for percentages (their change is in points) or a zero baseline.</summary>
    public decimal? ChangePercent => Unit != "%" && Change is { } change && Baseline is { } baseline && baseline != 0
        ? change / Math.Abs(baseline) : null;

    /// <summary>The change as printed (one decimal of days and points, two of times, whole amounts): what the arrow and colour follow, so "+0.0 pts" is never red.</summary>
    public decimal? ShownChange => Change is { } c ? Math.Round(c, Unit switch { "amount" => 0, "times" => 2, _ => 1 }) : null;

    public TileTone Tone => ShownChange switch
    {
        null or 0 => TileTone.Neutral,
        > 0 => Direction == KpiDirection.HigherIsBetter ? TileTone.Good : TileTone.Bad,
        _ => Direction == KpiDirection.LowerIsBetter ? TileTone.Good : TileTone.Bad,
    };

    /// <summary>▲ up, ▼ down, ► unchanged or unknown.</summary>
    public string Arrow => ShownChange switch { > 0 => "\u25B2", < 0 => "\u25BC", _ => "\u25BA" };

    /// <summary>"▼ −3.9 days (−9 %) on September", or "no comparison" when either side is missing.</summary>
    public string ChangeText => ShownChange is { } change
        ? $"{Arrow} {LeadershipFigures.Change(change, Unit)}" + (ChangePercent is { } p ? $" ({LeadershipFigures.Percent(p)})" : "") + $" {ComparedWith}"
        : ComparedWith.Length == 0 ? "" : $"no figure to compare {ComparedWith}";

    /// <summary>Green at or better than the target, red worse, none without a target (tiles carry no amber: the scorecard does).</summary>
    public TileTone? AgainstTarget => Actual is { } actual && Target is { } target
        ? (Direction == KpiDirection.LowerIsBetter ? actual <= target : actual >= target) ? TileTone.Good : TileTone.Bad
        : null;
}
