using O2C.Analytics.Pipeline;
using O2C.Analytics.Metrics;
using O2C.Analytics.Spc;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Writes the control charts of a month: one PNG per KPI and dimension member asked for, and the small multiples.</summary>
public static class ChartPack
{
    /// <param name="folder">The month's charts folder (OutputPaths.Charts).</param>
    public static IReadOnlyList<string> Write(IReadOnlyList<ControlChart> charts, DateOnly monthEnd, string folder, string dimension = ReportingDimension.Company)
    {
        var upToMonth = charts
            .Where(c => c.Dimension == dimension)
            .Select(c => c with
            {
                Points = c.Points.Where(p => p.Month <= monthEnd).ToList(),
                Signals = c.Signals.Where(s => s.Month <= monthEnd).ToList(),
            })
            .Where(c => c.Points.Count > 0)
            .OrderBy(c => KpiCatalog.Position(c.Kpi.Id))
            .ThenBy(c => c.Member, StringComparer.Ordinal)
            .ToList();
        var written = new List<string>();
        foreach (var chart in upToMonth)
        {
            var name = dimension == ReportingDimension.Company ? chart.Kpi.Id : $"{chart.Kpi.Id}--{dimension}--{Safe(chart.Member)}";
            written.Add(ControlChartRenderer.SavePng(chart, Path.Combine(folder, name + ".png")));
        }
        if (dimension == ReportingDimension.Company && upToMonth.Count > 0)
            written.Add(ControlChartRenderer.SaveGrid(upToMonth, Path.Combine(folder, "all-kpis.png")));
        return written;
    }

    private static string Safe(string s) => string.Concat(s.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
