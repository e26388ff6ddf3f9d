using ClosedXML.Excel;
using O2C.Analytics.Metrics;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Disputes and cash application on one page: a chart of each over 13 months (dispute cycle time; STP rate by
/// value), and every KPI of the two areas over the last 6 months.
/// </summary>
public static class DisputesAndCashPage
{
    public const string Name = "Disputes and cash";
    public const int ChartMonths = 13;
    public const int TableMonths = 6;
    public const int PageColumns = 2 + TableMonths;
    public static readonly string[] Areas = ["Disputes & deductions", "Cash application"];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Disputes and cash application: {pack.MonthEnd:MMMM yyyy}, {pack.Scope.Label}",
            $"Amounts in {pack.ReportingCurrency} (k thousands, M millions). Definitions on the Definitions page; a blank month is one the KPI has no value for.");
        var months = pack.LastMonthEnds(ChartMonths);
        var labels = months.Select(PackCharts.MonthLabel).ToList();
        double[] Series(string kpi) => months.Select(m => pack.Value(kpi, m)?.Value is { } v ? (double)v : double.NaN).ToArray();
        var disputes = PackCharts.Lines("Average dispute cycle time, days", labels,
            [new ChartSeries("dispute cycle time", Series("dispute_cycle_time"), ScottPlot.Colors.IndianRed)], target: Target(pack, "dispute_cycle_time"));
        ws.AddPicture(new MemoryStream(disputes), "disputes").MoveTo(ws.Cell(4, 1)).WithSize(PackCharts.Width, 250);
        var stp = PackCharts.Lines("Cash application: straight-through rate by value, %", labels,
            [new ChartSeries("STP rate (value)", Series("stp_rate_value"), ScottPlot.Colors.SteelBlue)], target: Target(pack, "stp_rate_value"));
        ws.AddPicture(new MemoryStream(stp), "stp").MoveTo(ws.Cell(4, 1), PackCharts.Width + 12, 0).WithSize(PackCharts.Width, 250);

        var row = 18;
        var recent = pack.LastMonthEnds(TableMonths);
        ws.Cell(row, 1).SetValue("KPI");
        for (var i = 0; i < recent.Count; i++) ws.Cell(row, 2 + i).SetValue(recent[i].ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        ws.Cell(row, 2 + recent.Count).SetValue("Target");
        ws.Range(row, 1, row, 2 + recent.Count).Style.Font.SetBold().Border.SetBottomBorder(XLBorderStyleValues.Thin);
        foreach (var area in Areas)
        {
            row++;
            ws.Cell(row, 1).SetValue(area);
            ws.Range(row, 1, row, 2 + recent.Count).Style.Fill.SetBackgroundColor(ScorecardSheet.AreaBand).Font.SetBold();
            foreach (var kpi in pack.Kpis.Where(k => k.Area == area))
            {
                row++;
                ws.Cell(row, 1).SetValue(ScorecardSheet.NameWithUnit(kpi));
                for (var i = 0; i < recent.Count; i++)
                    ScorecardSheet.Number(ws.Cell(row, 2 + i), pack.Value(kpi.Id, recent[i])?.Value, kpi, scaled: true);
                ScorecardSheet.Number(ws.Cell(row, 2 + recent.Count), pack.Target(kpi.Id)?.Target, kpi, scaled: true);
                if (pack.Target(kpi.Id) is null) ws.Cell(row, 2 + recent.Count).SetValue("");
                // The month's figure coloured by its standing against the target.
                var rag = RagStatus.Of(kpi.Direction, pack.Value(kpi.Id, pack.MonthEnd)?.Value, pack.Target(kpi.Id)?.Target, pack.Target(kpi.Id)?.Tolerance);
                if (rag != Rag.NotRated) ws.Cell(row, 1 + recent.Count).Style.Fill.SetBackgroundColor(ScorecardSheet.Colour(rag));
            }
        }
        ws.Column(1).Width = 46;
        for (var c = 2; c <= PageColumns; c++) ws.Column(c).Width = 10.5;
        SheetLayout.Print(ws, 0);
    }

    private static double? Target(KpiPack pack, string kpiId) => pack.Target(kpiId) is { } t ? (double)t.Target : null;
}
