using System.Globalization;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Analyst;

/// <summary>One group's open receivables in one aging bucket as of a day.</summary>
public sealed record AgingLine(string Group, string Bucket, long Items, decimal? Amount, long ItemsWithoutRate);

/// <summary>
/// Aging as of any day (`o2c aging --as-of`), on boundaries the analyst chooses: days past due up to the first
/// boundary after 0 is the first bucket, and so on; past the last, "N+". The defaults are the pack's (30, 60, 90, 120).
/// </summary>
public static class AgingBuckets
{
    public static readonly int[] Default = [30, 60, 90, 120];
    public static readonly string[] Groups = ["company", "customer", "region", "segment", "currency", "risk_class", "collector", "bpo_team"];

    /// <summary>Bucket labels in order: current, 1-30, 31-60, ..., 121+ (and unapplied credit).</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<int> bounds) =>
        ["current", .. bounds.Select((b, i) => $"{(i == 0 ? 1 : bounds[i - 1] + 1)}-{b}"), $"{bounds[^1]}+", "unapplied credit"];

    /// <summary>Boundaries from "30,60,90": whole days, rising, above zero.</summary>
    public static int[] Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var bounds = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1).ToArray();
        if (bounds.Any(b => b <= 0) || bounds.Zip(bounds.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException($"--buckets '{text}': whole days above 0, rising, separated by commas (e.g. 30,60,90)");
        return bounds;
    }

    public static IReadOnlyList<AgingLine> Run(Warehouse warehouse, SqlFolder sql, DateOnly asOf, string group = "company", string? customer = null, IReadOnlyList<int>? bounds = null)
    {
        if (!Groups.Contains(group)) throw new ArgumentException($"--by {group}: the groups are {string.Join(", ", Groups)}");
        bounds ??= Default;
        var labels = Labels(bounds);
        // The CASE is written from whole numbers only (Parse), never from text a user typed.
        var cases = string.Join(" ", bounds.Select((b, i) => $"when $as_of - i.due_date <= {b.ToString(CultureInfo.InvariantCulture)} then '{labels[i + 1]}'"));
        var bucket = $"case when i.due_date is null then 'unapplied credit' when $as_of - i.due_date <= 0 then 'current' {cases} else '{labels[^2]}' end";
        var text = sql.Read("reports", "aging_as_of.sql").Replace("{buckets}", bucket, StringComparison.Ordinal);
        var order = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        return warehouse.Query(text, r => new AgingLine(r.GetString(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetDecimal(3), r.GetInt64(4)),
                ("as_of", asOf), ("group", group), ("customer", customer))
            .OrderBy(l => l.Group, StringComparer.Ordinal).ThenBy(l => order[l.Bucket]).ToList();
    }
}
