using O2C.Analytics.Sla;
namespace O2C.Analytics.Render.Excel;

/// <summary>
/// A 12-month trend drawn in the cell with block characters (lowest ▁ to highest █, scaled between the series'
/// own minimum and maximum; a missing month is a blank). Text, so it prints, filters and needs no picture.
/// </summary>
public static class TrendSparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

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
