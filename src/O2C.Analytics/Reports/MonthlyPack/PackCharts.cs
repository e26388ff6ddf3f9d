using ScottPlot;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>One series of a pack chart: its name, a value per category (NaN: none), its colour, dashed or not.</summary>
public sealed record ChartSeries(string Name, double[] Values, Color Colour, bool Dashed = false);

/// <summary>
/// The leadership pack's charts (ScottPlot, DejaVu Sans): months or weeks as categories on the x axis, bars, stacked
/// bars and lines, a title that says what is shown and in which unit, the legend below the plot. PNG bytes sized for
/// a half or a whole A4 landscape page.
/// </summary>
public static class PackCharts
{
    public const int Width = 480;
    public const int Height = 300;

    public static byte[] Bars(string title, IReadOnlyList<string> labels, ChartSeries series, int width = Width, int height = Height)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(series.Values.Select((v, i) => new Bar { Position = i, Value = double.IsNaN(v) ? 0 : v, FillColor = series.Colour, Size = 0.7 }).ToList());
        bars.LegendText = series.Name;
        plot.Axes.Margins(bottom: 0); // bars stand on zero
        return Finish(plot, title, labels, width, height, legend: false);
    }

    /// <summary>Bars stacked bottom-up in the order given.</summary>
    public static byte[] StackedBars(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> layers, int width = Width, int height = Height)
    {
        var plot = new Plot();
        var bottom = new double[labels.Count];
        foreach (var layer in layers)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < labels.Count; i++)
            {
                var v = double.IsNaN(layer.Values[i]) ? 0 : layer.Values[i];
                bars.Add(new Bar { Position = i, ValueBase = bottom[i], Value = bottom[i] + v, FillColor = layer.Colour, Size = 0.7, LineWidth = 0 });
                bottom[i] += v;
            }
            plot.Add.Bars(bars).LegendText = layer.Name;
        }
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, title, labels, width, height, legend: true);
    }

    /// <summary>Lines (NaN breaks a line), with an optional dotted target.</summary>
    public static byte[] Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, double? target = null,
        int width = Width, int height = Height, IReadOnlyList<ChartSeries>? barsBehind = null)
    {
        var plot = new Plot();
        var xs = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        foreach (var b in barsBehind ?? [])
            plot.Add.Bars(b.Values.Select((v, i) => new Bar { Position = i, Value = double.IsNaN(v) ? 0 : v, FillColor = b.Colour, Size = 0.6, LineWidth = 0 }).ToList()).LegendText = b.Name;
        foreach (var s in series)
        {
            var line = plot.Add.Scatter(xs, s.Values);
            line.Color = s.Colour;
            line.LineWidth = 2;
            line.MarkerSize = s.Dashed ? 0 : 5;
            if (s.Dashed) line.LinePattern = LinePattern.Dashed;
            line.LegendText = s.Name;
        }
        if (target is { } t)
        {
            var line = plot.Add.HorizontalLine(t);
            line.Color = Colors.SeaGreen;
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = $"target {t:0.#}";
        }
        return Finish(plot, title, labels, width, height, legend: true);
    }

    private static byte[] Finish(Plot plot, string title, IReadOnlyList<string> labels, int width, int height, bool legend)
    {
        var xs = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        // Every other label when crowded, so they never overlap.
        var step = labels.Count > 8 ? 2 : 1;
        plot.Axes.Bottom.SetTicks(xs.Where((_, i) => i % step == 0).ToArray(), labels.Where((_, i) => i % step == 0).ToArray());
        plot.Axes.SetLimitsX(-0.6, labels.Count - 0.4);
        plot.Title(title, 15);
        if (legend) plot.ShowLegend(Edge.Bottom);
        else plot.HideLegend();
        plot.Font.Set(ControlChartRenderer.Font);
        // 14 px is 10.5 pt where a pixel prints as 1/96 inch: nothing in a chart smaller than the pack's 9 pt text.
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        return plot.GetImage(width, height).GetImageBytes();
    }

    /// <summary>"Oct 25": a month end as a short category label.</summary>
    public static string MonthLabel(DateOnly monthEnd) => monthEnd.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture);
}
