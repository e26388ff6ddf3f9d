using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>The 25 customers with the largest past-due balance at the month end, with what a collector needs beside it.</summary>
public static class TopOverdueSheet
{
    public const string Name = "Top overdue";
    public const int HeaderRow = 4;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("rank", "#", ColumnKind.Count, 5),
        new("customer_id", "Customer id", ColumnKind.SourceText, 12),
        new("customer_name", "Customer", ColumnKind.SourceText, 30),
        new("segment", "Segment", ColumnKind.SourceText, 11),
        new("region", "Region", ColumnKind.SourceText, 13),
        new("collector", "Collector", ColumnKind.SourceText, 14),
        new("open_balance", "Open balance", ColumnKind.Amount, 15),
        new("past_due_amount", "Past due", ColumnKind.Amount, 15),
        new("past_due_items", "Past-due items", ColumnKind.Count, 9),
        new("oldest_days_past_due", "Oldest days past due", ColumnKind.Count, 9),
        new("weighted_days_past_due", "Days past due (amount-weighted)", ColumnKind.Days, 11),
        new("open_disputes", "Open disputes", ColumnKind.Count, 9),
        new("disputed_open_amount", "Disputed open amount", ColumnKind.Amount, 14),
        new("last_contact_date", "Last contact", ColumnKind.Date, 11),
        new("last_contact", "Last contact (type, outcome)", ColumnKind.Text, 20),
        new("promise_date", "Promise made", ColumnKind.Date, 11),
        new("promised_pay_date", "Promised pay date", ColumnKind.Date, 11),
        new("promised_amount", "Promised amount", ColumnKind.Amount, 13),
        new("promise_currency", "Promise currency", ColumnKind.Text, 8),
        new("promise_status", "Promise status", ColumnKind.Text, 9),
        new("predicted_pay_date", "Predicted pay date", ColumnKind.Date, 11),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Top 25 past-due customers: {pack.MonthEnd:MMMM yyyy}",
            $"Past-due balance at the month end in {pack.ReportingCurrency}; disputes open, last contact and latest promise as of the month end (promise kept: paid in full by the promised date + 2 days). " +
            "Predicted pay date: amount-weighted mean of the expected dates of the past-due invoices, from the payment predictions made the day after the month end.");
        TableWriter.Write(ws, HeaderRow, 1, pack.TopOverdue ?? ReportTable.Empty(Columns), "TopOverdue");
        ws.Row(HeaderRow).Height = 45;
        ws.SheetView.FreezeRows(HeaderRow);
        ws.SheetView.FreezeColumns(3);
        SheetLayout.Print(ws, HeaderRow);
    }
}
