using System.Globalization;
using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// The month in one sentence, from kpi_values: cash collected and its change on the prior month, DSO against the
/// prior month and its target, the overdue amount (past_due_pct's numerator) as a share of AR and its change, and the
/// segment that drove that change most (<see cref="KpiChangeDrivers"/>). Amounts in millions of the reporting currency.
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
                ? $", {Signed(Millions(cash - b), cash - b)} ({Signed(Percent((cash - b) / b), cash - b)}) on {prior:MMMM}" : ""));
        }
        if (pack.Value("dso", pack.MonthEnd)?.Value is { } dso)
        {
            var before = pack.Value("dso", prior)?.Value;
            var target = pack.Target("dso")?.Target;
            parts.Add($"DSO {Days(dso)} days" + (before is { } b ? $", {Signed(Days(Math.Abs(dso - b)), dso - b)} on {prior:MMMM}" : "")
                + (target is { } t ? $", target {Days(t)}" : ""));
        }
        if (pack.Value("past_due_pct", pack.MonthEnd) is { Numerator: { } overdue, Value: { } share })
        {
            var before = pack.Value("past_due_pct", prior)?.Numerator;
            var text = $"overdue {Millions(overdue)} = {share.ToString("0.0", CultureInfo.InvariantCulture)} % of AR";
            if (before is { } b)
            {
                text += $", {Signed(Millions(Math.Abs(overdue - b)), overdue - b)}";
                if (OverdueDriver(pack) is { } driver) text += $", most of it from the {driver.Member} segment";
            }
            parts.Add(text);
        }
        return parts.Count == 0 ? $"{pack.MonthEnd:MMMM yyyy}: no figures for the month." : $"{pack.MonthEnd:MMMM yyyy}: {string.Join("; ", parts)}.";
    }

    /// <summary>The segment whose overdue amount moved most in the direction the company's moved.</summary>
    public static MemberContribution? OverdueDriver(KpiPack pack)
    {
        var now = pack.DimensionValues.Where(v => v.KpiId == "past_due_pct" && v.Dimension == "segment").ToDictionary(v => v.Member);
        var before = pack.PriorDimensionValues.Where(v => v.KpiId == "past_due_pct" && v.Dimension == "segment").ToDictionary(v => v.Member);
        var members = now.Keys.Union(before.Keys).Order(StringComparer.Ordinal)
            .Select(m => new MemberParts(m, before.GetValueOrDefault(m)?.Numerator, null, now.GetValueOrDefault(m)?.Numerator, null)).ToList();
        return members.Count == 0 ? null : KpiChangeDrivers.Driver(members, 1);
    }

    private static string Millions(decimal amount) => (amount / 1_000_000m).ToString("0.0", CultureInfo.InvariantCulture) + " M";

    private static string Percent(decimal fraction) => Math.Abs(fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Days(decimal days) => days.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A magnitude with the sign of <paramref name="change"/>: + or a typographic minus.</summary>
    private static string Signed(string magnitude, decimal change) => (change < 0 ? "\u2212" : "+") + magnitude.TrimStart('-');
}
