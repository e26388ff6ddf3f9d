using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using ScottPlot;
using SkiaSharp;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Draws control charts with ScottPlot: the KPI series, centre line, control limits, target, signal points marked
/// in red and labelled with their rule numbers, months on the x axis, the unit on the y axis, a title naming the
/// KPI and its scope. The font is set explicitly (DejaVu Sans): without one ScottPlot draws no text and says nothing.
/// </summary>
public static class ControlChartRenderer
{
    public const string Font = "DejaVu Sans";

    public static Plot Plot(ControlChart chart, bool compact = false)
    {
        var plot = new Plot();
        var xs = chart.Points.Select(p => p.Month.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        double[] Values(Func<SpcPoint, decimal> pick) => chart.Points.Select(p => (double)pick(p)).ToArray();

        var upper = plot.Add.Scatter(xs, Values(p => p.Upper));
        var lower = plot.Add.Scatter(xs, Values(p => p.Lower));
        var centre = plot.Add.Scatter(xs, Values(p => p.Centre));
        foreach (var (line, label) in new[] { (upper, "upper limit"), (lower, "lower limit") })
        {
            line.Color = Colors.IndianRed;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
            line.LegendText = label == "upper limit" ? "control limits (3 sigma)" : "";
            if (chart.Kind == ControlChartKind.P) line.ConnectStyle = ConnectStyle.StepHorizontal;
        }
        centre.Color = Colors.Gray;
        centre.MarkerSize = 0;
        centre.LegendText = chart.Kind == ControlChartKind.P ? "centre (p-bar)" : "centre (baseline mean)";

        if (chart.Target is { } target)
        {
            var line = plot.Add.HorizontalLine((double)target);
            line.Color = Colors.SeaGreen;
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = $"target {target:0.##}";
        }

        var series = plot.Add.Scatter(xs, Values(p => p.Value));
        series.Color = Colors.SteelBlue;
        series.LineWidth = 2;
        series.MarkerSize = compact ? 3 : 5;
        series.LegendText = chart.SeasonallyAdjusted ? $"{chart.Kpi.Name} (seasonally adjusted)" : chart.Kpi.Name;

        var signalled = chart.Signals.GroupBy(s => s.Month).ToList();
        if (signalled.Count > 0)
        {
            var byMonth = chart.Points.ToDictionary(p => p.Month);
            var markers = plot.Add.Markers(
                signalled.Select(g => g.Key.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                signalled.Select(g => (double)byMonth[g.Key].Value).ToArray());
            markers.Color = Colors.Red;
            markers.MarkerSize = compact ? 7 : 10;
            markers.LegendText = "signal (rule numbers)";
            if (!compact)
                foreach (var g in signalled)
                {
                    var text = plot.Add.Text(string.Join(",", g.Select(s => s.Rule[..1]).Distinct()), g.Key.ToDateTime(TimeOnly.MinValue).ToOADate(), (double)byMonth[g.Key].Value);
                    text.LabelFontSize = 11;
                    text.LabelFontColor = Colors.DarkRed;
                    text.LabelFontName = Font;
                    text.OffsetY = -12;
                }
        }

        // Months read as months: "Mar 2026", not a US date of the first day.
        var dateAxis = plot.Axes.DateTimeTicksBottom();
        dateAxis.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = d => d.ToString(compact ? "MMM yy" : "MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
        var scope = chart.Dimension == "company" ? "company" : $"{chart.Dimension.Replace('_', ' ')} {chart.Member}";
        plot.Title(compact ? chart.Kpi.Name : $"{chart.Kpi.Name}: {scope} ({(chart.Kind == ControlChartKind.P ? "p-chart" : "XmR chart")})", compact ? 11 : 14);
        plot.YLabel(chart.Kpi.Unit == "amount" ? "amount (reporting currency)" : chart.Kpi.Unit, compact ? 10 : 12);
        if (compact) plot.HideLegend();
        else plot.ShowLegend(Edge.Bottom); // below the plot: inside it would cover the first months
        plot.Font.Set(Font);
        return plot;
    }

    public static string SavePng(ControlChart chart, string path, int width = 900, int height = 420)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Plot(chart).SavePng(path, width, height);
        return path;
    }

    /// <summary>The chart as PNG bytes, for embedding in a workbook or a mail.</summary>
    public static byte[] PngBytes(ControlChart chart, int width, int height) => Plot(chart).GetImage(width, height).GetImageBytes();

    /// <summary>Small multiples: every chart in a grid on one PNG, to see the whole catalogue at a glance.</summary>
    public static string SaveGrid(IReadOnlyList<ControlChart> charts, string path, int columns = 6, int cellWidth = 360, int cellHeight = 220)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var rows = (charts.Count + columns - 1) / columns;
        using var surface = SKSurface.Create(new SKImageInfo(columns * cellWidth, Math.Max(1, rows) * cellHeight));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < charts.Count; i++)
        {
            // Each chart is drawn on its own and pasted into its cell: a plot paints its whole canvas.
            var png = Plot(charts[i], compact: true).GetImage(cellWidth, cellHeight).GetImageBytes();
            using var bitmap = SKBitmap.Decode(png);
            surface.Canvas.DrawBitmap(bitmap, i % columns * cellWidth, i / columns * cellHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
        return path;
    }
}
