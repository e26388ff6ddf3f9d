using O2C.Analytics.Sla;
namespace O2C.Analytics.Render.Excel;

/// <summary>
/// A 12-month trend drawn in the cell with block characters (lowest ▁ to highest █, scaled between the series'
/// own minimum and maximum; a missing month is a blank). Text, so it prints, filters and needs no picture.
/// </summary>
public static class TrendSparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// The same on a scale from zero to the series' maximum (for a series that never goes below zero), so a swing
    /// of 0.31-0.37 % stays nearly flat and only changes that matter against the level show.
    /// </summary>
    public static string FromZero(IReadOnlyList<decimal?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (known.Count == 0) return "";
        if (known.Min() < 0) return Of(values);
        var max = known.Max();
        return string.Concat(values.Select(v => v is not { } x ? ' '
            : max == 0 ? Blocks[0]
            : Blocks[(int)Math.Round(x / max * (Blocks.Length - 1))]));
    }

    public static string Of(IReadOnlyList<decimal?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (known.Count == 0) return "";
        var (min, max) = (known.Min(), known.Max());
        return string.Concat(values.Select(v => v is not { } x ? ' '
            : max == min ? Blocks[3]
            : Blocks[(int)Math.Round((x - min) / (max - min) * (Blocks.Length - 1))]));
    }
}
