using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>The 13-week cash forecast and the collection worklist, from the payment predictions made the day after the month end.</summary>
public static class ForecastWorklistSheet
{
    public const string Name = "Forecast & worklist";
    public const int ForecastHeaderRow = 5;

    public static readonly IReadOnlyList<ReportColumn> ForecastColumns =
    [
        new("week", "Week", ColumnKind.Count, 7),
        new("week_start", "Week starting", ColumnKind.Date, 12),
        new("expected", "Expected receipts", ColumnKind.Amount, 17),
        new("low", "Low", ColumnKind.Amount, 17),
        new("high", "High", ColumnKind.Amount, 17),
    ];

    /// <summary>Invoices the pack's worklist shows.</summary>
    public const int WorklistRows = 50;

    public static readonly IReadOnlyList<ReportColumn> WorklistColumns =
    [
        new("rank", "#", ColumnKind.Count, 7),
        new("document_id", "Invoice", ColumnKind.SourceText, 12),
        new("customer_id", "Customer id", ColumnKind.SourceText, 17),
        new("customer_name", "Customer", ColumnKind.SourceText, 30),
        new("collector", "Collector", ColumnKind.SourceText, 14),
        new("due_date", "Due date", ColumnKind.Date, 11),
        new("open_amount_rc", "Open amount", ColumnKind.Amount, 14),
        new("expected_pay_date", "Expected pay date", ColumnKind.Date, 11),
        new("probability_late", "Probability late", ColumnKind.Percent, 10),
        new("value_at_risk", "Value at risk", ColumnKind.Amount, 14),
        new("reasons", "Why", ColumnKind.Text, 50),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        if (pack.Forecast is not { } forecast) return;
        var ws = SheetLayout.Add(workbook, Name, $"Cash forecast and collection worklist from {forecast.AsOf:d MMMM yyyy}",
            $"Model run {forecast.RunId} (trained {forecast.TrainedAt:yyyy-MM-dd HH:mm} UTC) on {forecast.OpenInvoices:N0} invoices open on {forecast.AsOf:yyyy-MM-dd}; amounts in {pack.ReportingCurrency}. " +
            "Low and high move every expected date by the 10th and 90th percentiles of the model's held-out errors.");
        SheetLayout.Heading(ws, ForecastHeaderRow - 1, "13-week cash forecast");
        var weeks = new ReportTable(ForecastColumns, forecast.Weeks.Select(w => new object?[] { w.Week, w.WeekStart, w.Expected, w.Low, w.High }).ToList());
        var last = TableWriter.Write(ws, ForecastHeaderRow, 1, weeks, "CashForecast");
        ws.Cell(last + 1, 2).SetValue("Total");
        ws.Cell(last + 1, 3).SetValue(forecast.Weeks.Sum(w => w.Expected));
        ws.Cell(last + 1, 3).Style.NumberFormat.Format = SheetLayout.AmountFormat;
        ws.Range(last + 1, 2, last + 1, 3).Style.Font.SetBold();

        var worklistRow = last + 4;
        SheetLayout.Heading(ws, worklistRow - 1, "Collection worklist: the 50 open invoices with the highest value at risk (open amount x probability of paying late)");
        TableWriter.Write(ws, worklistRow, 1, pack.Worklist ?? ReportTable.Empty(WorklistColumns), "Worklist");
        ws.Row(worklistRow).Height = 30;
        SheetLayout.Print(ws, 0);
    }
}
