using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The pack's Aging page: open AR by aging bucket at each of the last 13 month ends (stacked), and the month's
/// roll-forward from the opening to the closing balance (sql/reports/ar_roll_forward.sql). The tables by month and by
/// dimension are the analyst workbook's (<see cref="AgingSheet"/>).
/// </summary>
public static class AgingPage
{
    public const string Name = "Aging";
    public const int Months = 13;
    /// <summary>The columns the page spans: the chart's eight and the roll-forward's two.</summary>
    public const int PageColumns = 10;

    public static readonly IReadOnlyList<ReportColumn> RollForwardColumns =
    [
        new("label", "Movement", ColumnKind.Text, 34),
        new("amount", "Amount", ColumnKind.ScaledAmount, 10),
    ];

    private static readonly (string Field, string Label, string Colour)[] Buckets =
    [
        ("d1_30_amount", "1-30", "#A9D18E"), ("d31_60_amount", "31-60", "#FFD966"),
        ("d61_90_amount", "61-90", "#F4B183"), ("d91_120_amount", "91-120", "#C00000"), ("d120_plus_amount", "120+ days", "#7030A0"),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Aging of receivables: {pack.MonthEnd:MMMM yyyy}, {pack.Scope.Label}",
            $"Past-due AR in {pack.ReportingCurrency} M at each month end by days past due (month end minus due date); AR not yet due is in the roll-forward's balances, not in the bars. " +
            "The roll-forward converts the month's movements at the month-end rate; revaluation is the opening balance restated at the new rates.");
        var byMonth = pack.AgingByMonth ?? ReportTable.Empty(AgingSheet.ByMonthColumns);
        var months = pack.LastMonthEnds(Months);
        var rows = months.Select(pack.AgingRow).ToList();
        var layers = Buckets.Select(b => new ChartSeries(b.Label,
            rows.Select(r => r?[byMonth.IndexOf(b.Field)] is { } v ? (double)Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture) / 1_000_000 : double.NaN).ToArray(),
            ScottPlot.Color.FromHex(b.Colour))).ToList();
        var chart = PackCharts.StackedBars($"Past-due AR by days past due, {pack.ReportingCurrency} M", months.Select(PackCharts.MonthLabel).ToList(), layers, 600, 340);
        ws.AddPicture(new MemoryStream(chart), "aging").MoveTo(ws.Cell(4, 1)).WithSize(600, 340);

        // The roll-forward sits to the right of the chart, on the same page.
        const int column = 9;
        ws.Cell(4, column).SetValue($"Roll-forward, {pack.MonthEnd:MMMM yyyy}");
        ws.Cell(4, column).Style.Font.SetBold().Font.SetFontSize(12);
        var last = TableWriter.Write(ws, 5, column, pack.RollForward ?? ReportTable.Empty(RollForwardColumns), "RollForward");
        ws.Range(6, column, 6, column + 1).Style.Font.SetBold();
        ws.Range(last, column, last, column + 1).Style.Font.SetBold();
        for (var c = 1; c < column; c++) ws.Column(c).Width = 9.5;
        ws.Range(5, column, last, column + 1).Style.Font.FontSize = 10;
        SheetLayout.Print(ws, 0);
    }
}
