using O2C.Analytics.Reports.MonthlyPack;
using ScottPlot;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>Compliance of every SLA over the review's four quarters, one line each, targets as dotted lines.</summary>
public static class SlaTrendChart
{
    public static byte[] Png(O2C.Analytics.Reports.QuarterlyReview.SlaReview review, int width = 900, int height = 420)
    {
        var plot = new Plot();
        var quarters = review.Quarters.Select(q => q.ToString()).ToList();
        var xs = Enumerable.Range(0, quarters.Count).Select(i => (double)i).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var sla in review.Trend.Rows.GroupBy(r => (string)r[0]!))
        {
            var colour = palette.GetColor(index++);
            var ys = quarters.Select(q => sla.FirstOrDefault(r => (string)r[review.Trend.IndexOf("quarter")]! == q)?[review.Trend.IndexOf("compliance")] is { } c
                ? (double)Convert.ToDecimal(c, System.Globalization.CultureInfo.InvariantCulture) * 100 : double.NaN).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.Color = colour;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = sla.Key;
            var target = (double)Convert.ToDecimal(sla.First()[review.Trend.IndexOf("target_rate")], System.Globalization.CultureInfo.InvariantCulture) * 100;
            var targetLine = plot.Add.Scatter(xs, xs.Select(_ => target).ToArray());
            targetLine.Color = colour.WithAlpha(0.6);
            targetLine.LinePattern = LinePattern.Dotted;
            targetLine.MarkerSize = 0;
        }
        plot.Axes.Bottom.SetTicks(xs, quarters.ToArray());
        plot.Axes.SetLimitsX(-0.3, quarters.Count - 0.7);
        plot.Title($"SLA compliance by quarter (dotted: target), to {review.Quarter}", 14);
        plot.YLabel("% of items within the SLA", 12);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Font.Set(ControlChartRenderer.Font);
        return plot.GetImage(width, height).GetImageBytes();
    }
}
