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
        new("open_ar", "From open AR", ColumnKind.Amount, 15),
        new("new_billings", "From new billing", ColumnKind.Amount, 15),
        new("expected", "Expected receipts", ColumnKind.Amount, 15),
        new("low", "Low (P10)", ColumnKind.Amount, 14),
        new("high", "High (P90)", ColumnKind.Amount, 14),
    ];

    public static readonly IReadOnlyList<ReportColumn> ForecastAgainstActualColumns =
    [
        new("week", "Week", ColumnKind.Count, 7),
        new("week_start", "Week starting", ColumnKind.Date, 12),
        new("expected", "Forecast", ColumnKind.Amount, 15),
        new("actual", "Actual", ColumnKind.Amount, 15),
        new("difference", "Actual - forecast", ColumnKind.Amount, 15),
        new("low", "Low (P10)", ColumnKind.Amount, 14),
        new("high", "High (P90)", ColumnKind.Amount, 14),
    ];

    /// <summary>Invoices the pack's worklist shows.</summary>
    public const int WorklistRows = 50;

    public static readonly IReadOnlyList<ReportColumn> WorklistColumns =
    [
        new("rank", "#", ColumnKind.Count, 5),
        new("document_id", "Invoice", ColumnKind.SourceText, 12),
        new("customer_id", "Customer id", ColumnKind.SourceText, 14),
        new("customer_name", "Customer", ColumnKind.SourceText, 26),
        new("collector", "Collector", ColumnKind.SourceText, 12),
        new("due_date", "Due date", ColumnKind.Date, 11),
        new("days_past_due", "Days past due", ColumnKind.Count, 8),
        new("open_amount_rc", "Open amount", ColumnKind.Amount, 13),
        new("expected_pay_date", "Expected pay date", ColumnKind.Date, 11),
        new("no_date_because", "No date because", ColumnKind.Text, 24),
        new("probability_late", "Probability late", ColumnKind.Percent, 9),
        new("expected_loss", "Expected loss", ColumnKind.Amount, 13),
        new("value_at_risk", "Value at risk", ColumnKind.Amount, 13),
        new("next_step", "Next step", ColumnKind.Text, 48),
        new("reason_codes", "Reason codes", ColumnKind.Text, 22),
        new("reasons", "Payment history", ColumnKind.Text, 36),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        if (pack.Forecast is not { } stored) return;
        var forecast = stored.Forecast;
        var ws = SheetLayout.Add(workbook, Name, $"Cash forecast and collection worklist from {forecast.AsOf:d MMMM yyyy}",
            $"Made {stored.MadeAt:yyyy-MM-dd HH:mm} UTC from facts dated before {forecast.AsOf:yyyy-MM-dd}; amounts in {pack.ReportingCurrency}: " +
            $"{Forecast.CashForecaster.MethodInBrief}; {Forecast.CashForecaster.BandInBrief}.");
        SheetLayout.Heading(ws, ForecastHeaderRow - 1, "13-week cash forecast");
        var weeks = new ReportTable(ForecastColumns, forecast.Weeks.Select(w => new object?[] { w.Week, w.WeekStart, w.OpenAr, w.NewBillings, w.Expected, w.Low, w.High }).ToList());
        var last = TableWriter.Write(ws, ForecastHeaderRow, 1, weeks, "CashForecast");
        ws.Cell(last + 1, 2).SetValue("Total");
        ws.Cell(last + 1, 3).SetValue(forecast.ExpectedFromOpenAr);
        ws.Cell(last + 1, 4).SetValue(forecast.ExpectedFromNewBillings);
        ws.Cell(last + 1, 5).SetValue(forecast.Expected);
        ws.Range(last + 1, 3, last + 1, 5).Style.NumberFormat.Format = SheetLayout.AmountFormat;
        ws.Range(last + 1, 2, last + 1, 5).Style.Font.SetBold();
        // Where the open AR goes: nothing is left out, and what is not expected as cash is said.
        var row = last + 3;
        foreach (var (label, amount) in forecast.OpenArDisposition())
        {
            ws.Cell(row, 1).SetValue(label);
            ws.Cell(row, 5).SetValue(amount);
            ws.Cell(row, 5).Style.NumberFormat.Format = SheetLayout.AmountFormat;
            row++;
        }
        if (forecast.UnconvertibleItems > 0)
            ws.Cell(row++, 1).SetValue($"{forecast.UnconvertibleItems:N0} open items in currencies without a rate on {forecast.AsOf.AddDays(-1):d MMM yyyy}: not valued, not in these figures");

        if (stored.Previous is { } previous && previous.Weeks.Any(w => w.Actual is not null))
        {
            row += 2;
            SheetLayout.Heading(ws, row - 1, $"Last month's forecast (made {previous.AsOf:d MMM yyyy}) against actual receipts, weeks ended");
            var passed = previous.Weeks.Where(w => w.Actual is not null).Select(w =>
                new object?[] { w.Week, w.WeekStart, w.Expected, w.Actual, w.Actual - w.Expected, w.Low, w.High }).ToList();
            row = TableWriter.Write(ws, row, 1, new ReportTable(ForecastAgainstActualColumns, passed), "ForecastAgainstActual") + 1;
        }

        var worklistRow = row + 3;
        SheetLayout.Heading(ws, worklistRow - 1, "Collection worklist: the 50 open invoices where a collector can save most (expected loss, what can still be changed)");
        TableWriter.Write(ws, worklistRow, 1, pack.Worklist ?? ReportTable.Empty(WorklistColumns), "Worklist");
        ws.Row(worklistRow).Height = 30;
        SheetLayout.Print(ws, 0);
    }
}
