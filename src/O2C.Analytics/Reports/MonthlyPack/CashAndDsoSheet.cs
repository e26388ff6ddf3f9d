using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Cash and DSO: cash collected over 13 months, DSO beside best-possible DSO and the target over 13 months, and the
/// month's DSO bridge (how much of the change came from receivables and how much from sales). One page.
/// </summary>
public static class CashAndDsoSheet
{
    public const string Name = "Cash and DSO";
    public const int Months = 13;
    /// <summary>The columns the page spans (about 120 characters: A4 landscape at full size).</summary>
    public const int PageColumns = 8;

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Cash and DSO: {pack.MonthEnd:MMMM yyyy}, {pack.Scope.Label}",
            $"Cash collected: receipts with a value date in the month, in {pack.ReportingCurrency}. DSO: AR at month end / credit sales of the last 3 months x days; " +
            "best-possible DSO counts only AR not yet due, so the gap between the two is the days overdue AR adds.");
        ws.AddPicture(new MemoryStream(CashChart(pack)), "cash").MoveTo(ws.Cell(4, 1)).WithSize(PackCharts.Width, PackCharts.Height);
        ws.AddPicture(new MemoryStream(DsoChart(pack)), "dso").MoveTo(ws.Cell(4, 1), PackCharts.Width + 12, 0).WithSize(PackCharts.Width, PackCharts.Height);

        var row = 21; // below the charts (300 px at 20 px a row is 15 rows from row 4, plus a gap)
        SheetLayout.Heading(ws, row++, $"DSO bridge, {pack.MonthEndOffset(-1):MMMM} to {pack.MonthEnd:MMMM}");
        var before = pack.Value("dso", pack.MonthEndOffset(-1));
        var now = pack.Value("dso", pack.MonthEnd);
        if (DsoBridge.Of(before?.Numerator, before?.Denominator, now?.Numerator, now?.Denominator) is { } bridge)
        {
            foreach (var (label, days, signed) in new[]
            {
                ($"DSO {pack.MonthEndOffset(-1):MMMM}", bridge.Before, false),
                ("  receivables: AR at month end" + Between(pack, "total_open_ar"), bridge.ReceivablesEffect, true),
                ($"  sales: credit sales of the 3 months, {Millions(before!.Denominator!.Value)} to {Millions(now!.Denominator!.Value)}", bridge.SalesEffect, true),
                ($"DSO {pack.MonthEnd:MMMM}", bridge.After, false),
            })
            {
                ws.Cell(row, 1).SetValue(label);
                ws.Cell(row, 4).SetValue(Math.Round(days, 1));
                ws.Cell(row, 4).Style.NumberFormat.Format = signed ? "+0.0\" days\";\u22120.0\" days\";0.0\" days\"" : "0.0\" days\"";
                if (signed && Math.Round(days, 1) != 0) ws.Cell(row, 4).Style.Font.SetFontColor(days > 0 ? SummarySheet.BadColour : SummarySheet.GoodColour);
                if (!signed) ws.Range(row, 1, row, 4).Style.Font.SetBold();
                row++;
            }
            if (pack.Value("bpdso", pack.MonthEnd)?.Value is { } best)
            {
                ws.Cell(row, 1).SetValue($"  of which overdue AR adds (DSO \u2212 best-possible DSO)");
                ws.Cell(row, 4).SetValue(Math.Round(bridge.After - best, 1));
                ws.Cell(row, 4).Style.NumberFormat.Format = "0.0\" days\"";
                ws.Cell(row, 1).Style.Font.SetItalic();
            }
        }
        else ws.Cell(row, 1).SetValue("DSO is not available for both months.");
        ws.Column(1).Width = 46;
        for (var c = 2; c <= PageColumns; c++) ws.Column(c).Width = 10.5;
        SheetLayout.Print(ws, 0);
    }

    /// <summary>Cash collected in each of the 13 months to the pack's, in millions (the page's and the mail's first chart).</summary>
    public static byte[] CashChart(KpiPack pack, int width = PackCharts.Width, int height = PackCharts.Height) =>
        PackCharts.Bars($"Cash collected by month, {pack.ReportingCurrency} M", Labels(pack),
            new ChartSeries("Cash collected", Series(pack, "cash_collected", 1_000_000m), ScottPlot.Colors.SteelBlue), width, height);

    /// <summary>DSO and best-possible DSO over the 13 months, with the DSO target.</summary>
    public static byte[] DsoChart(KpiPack pack, int width = PackCharts.Width, int height = PackCharts.Height) =>
        PackCharts.Lines("DSO and best-possible DSO, days", Labels(pack),
            [new ChartSeries("DSO", Series(pack, "dso"), ScottPlot.Colors.SteelBlue), new ChartSeries("best-possible DSO", Series(pack, "bpdso"), ScottPlot.Colors.Gray)],
            target: pack.Target("dso") is { } t ? (double)t.Target : null, width: width, height: height);

    /// <summary>", 45.2 M to 41.3 M": a KPI's prior and current month, or nothing when either is missing.</summary>
    private static string Between(KpiPack pack, string kpiId) =>
        pack.Value(kpiId, pack.MonthEndOffset(-1))?.Value is { } before && pack.Value(kpiId, pack.MonthEnd)?.Value is { } now ? $", {Millions(before)} to {Millions(now)}" : "";

    private static string Millions(decimal amount) => Summary.LeadershipFigures.Amount(amount);

    private static List<string> Labels(KpiPack pack) => pack.LastMonthEnds(Months).Select(PackCharts.MonthLabel).ToList();

    private static double[] Series(KpiPack pack, string kpi, decimal scale = 1) =>
        pack.LastMonthEnds(Months).Select(m => pack.Value(kpi, m)?.Value is { } v ? (double)(v / scale) : double.NaN).ToArray();
}
