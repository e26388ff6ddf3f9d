using System.Globalization;
using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// The month in one sentence, from kpi_values: cash collected and its change on the prior month, DSO against the
/// prior month and its target, the overdue amount (past_due_pct's numerator) as a share of AR and its change, and the
/// aging bucket and segment that drove that change most (<see cref="KpiChangeDrivers"/>); then which headline
/// figures got better and which worse on the prior month. Amounts in millions of the reporting currency.
/// </summary>
public static class PackHeadline
{
    public static string Of(KpiPack pack)
    {
        var prior = pack.MonthEndOffset(-1);
        var parts = new List<string>();
        if (pack.Value("cash_collected", pack.MonthEnd)?.Value is { } cash)
        {
            var before = pack.Value("cash_collected", prior)?.Value;
            parts.Add($"cash collected {Millions(cash)}" + (before is { } b && b != 0
                ? $", {LeadershipFigures.Signed(Millions(cash - b), cash - b)} ({LeadershipFigures.Percent((cash - b) / b)}) on {prior:MMMM}" : ""));
        }
        if (pack.Value("dso", pack.MonthEnd)?.Value is { } dso)
        {
            var before = pack.Value("dso", prior)?.Value;
            var target = pack.Target("dso")?.Target;
            parts.Add($"DSO {Days(dso)} days" + (before is { } b ? $", {LeadershipFigures.Signed(Days(Math.Abs(dso - b)), dso - b)} on {prior:MMMM}" : "")
                + (target is { } t ? $", target {Days(t)}" : ""));
        }
        if (pack.Value("past_due_pct", pack.MonthEnd) is { Numerator: { } overdue, Value: { } share })
        {
            var before = pack.Value("past_due_pct", prior)?.Numerator;
            var text = $"overdue {Millions(overdue)} = {share.ToString("0.0", CultureInfo.InvariantCulture)} % of AR";
            if (before is { } b)
            {
                text += $", {LeadershipFigures.Signed(Millions(Math.Abs(overdue - b)), overdue - b)}";
                var bucket = OverdueBucketDriver(pack);
                var segment = OverdueDriver(pack);
                if (bucket is not null || segment is not null)
                    text += ", most of it" + (bucket is null ? "" : $" in the {bucket.Member} days bucket") + (bucket is not null && segment is not null ? " and" : "")
                        + (segment is null ? "" : $" from the {segment.Member} segment");
            }
            parts.Add(text);
        }
        if (parts.Count == 0) return $"{pack.MonthEnd:MMMM yyyy}: no figures for the month.";
        return $"{pack.MonthEnd:MMMM yyyy}: {string.Join("; ", parts)}." + Verdict(pack);
    }

    /// <summary>" Better than September: DSO, cash collected. Worse: overdue, CEI." from the KPI tiles' tones.</summary>
    public static string Verdict(KpiPack pack)
    {
        var tiles = HeadlineTiles.Of(pack).Where(t => t.ComparedWith.StartsWith("on ", StringComparison.Ordinal)).ToList();
        // In a sentence: "cash collected, DSO" (a title that starts with an acronym keeps its capitals).
        static string InSentence(string title) => title.Length > 1 && char.IsLower(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
        var better = tiles.Where(t => t.IsMaterial && t.Tone == TileTone.Good).Select(t => InSentence(t.Title)).ToList();
        var worse = tiles.Where(t => t.IsMaterial && t.Tone == TileTone.Bad).Select(t => InSentence(t.Title)).ToList();
        var text = "";
        if (better.Count > 0) text += $" Better than {pack.MonthEndOffset(-1):MMMM}: {string.Join(", ", better)}.";
        if (worse.Count > 0) text += $" Worse: {string.Join(", ", worse)}.";
        return text;
    }

    /// <summary>The aging bucket (1-30 ... 120+) whose past-due amount moved most in the direction the total moved.</summary>
    public static MemberContribution? OverdueBucketDriver(KpiPack pack)
    {
        if (pack.AgingByMonth is not { } aging || pack.AgingRow(pack.MonthEnd) is not { } now || pack.AgingRow(pack.MonthEndOffset(-1)) is not { } before) return null;
        decimal? Amount(object?[] row, string field) => row[aging.IndexOf(field)] is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;
        (string Field, string Label)[] buckets = [("d1_30_amount", "1-30"), ("d31_60_amount", "31-60"), ("d61_90_amount", "61-90"), ("d91_120_amount", "91-120"), ("d120_plus_amount", "120+")];
        return KpiChangeDrivers.Driver(buckets.Select(b => new MemberParts(b.Label, Amount(before, b.Field), null, Amount(now, b.Field), null)).ToList(), 1);
    }

    /// <summary>The segment whose overdue amount moved most in the direction the company's moved.</summary>
    public static MemberContribution? OverdueDriver(KpiPack pack)
    {
        // The overdue amount: past_due_pct's numerators, added up as amounts (no denominators).
        var members = pack.MemberParts("past_due_pct", "segment").Select(m => m with { DenominatorBefore = null, DenominatorAfter = null }).ToList();
        return members.Count == 0 ? null : KpiChangeDrivers.Driver(members, 1);
    }

    private static string Millions(decimal amount) => (amount / 1_000_000m).ToString("0.0", CultureInfo.InvariantCulture) + " M";

    private static string Days(decimal days) => days.ToString("0.0", CultureInfo.InvariantCulture);
}
