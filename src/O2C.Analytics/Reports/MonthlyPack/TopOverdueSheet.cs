using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The customers with the largest past-due balance at the month end (in the pack's scope): who owns them, how much
/// of all past due they hold together, how old it is, when they were last contacted, their latest promise and the
/// next action (sql/reports/top_overdue.sql). One page; every customer's detail is in the analyst workbook's Aged debtors.
/// </summary>
public static class TopOverdueSheet
{
    public const string Name = "Top overdue";
    public const int HeaderRow = 4;
    /// <summary>Customers the pack lists.</summary>
    public const int Customers = 15;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("rank", "#", ColumnKind.Count, 3.5),
        new("customer_name", "Customer", ColumnKind.SourceText, 30),
        new("owner", "Owner (team)", ColumnKind.SourceText, 14),
        new("past_due_amount", "Past due", ColumnKind.ScaledAmount, 8.5),
        new("share_covered", "Share of past due, cumulative", ColumnKind.Percent, 8.5),
        new("oldest_days_past_due", "Oldest days past due", ColumnKind.Count, 7.5),
        new("open_disputes", "Open disputes", ColumnKind.Count, 7.5),
        new("last_contact_days", "Last contact, days ago", ColumnKind.Count, 7.5),
        new("promise_status", "Latest promise", ColumnKind.Text, 8),
        new("next_action", "Next action", ColumnKind.Text, 28),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Top {Customers} past-due customers, {pack.MonthEnd:d MMMM yyyy}, {pack.Scope.Label}",
            $"Past due in {pack.ReportingCurrency} at the month end; disputes, contacts and promises as of that day (a promise is kept when paid in full by its date + 2 days). " +
            "Next action: a broken promise first, then open disputes, more than 90 days past due, no contact for 30 days, a promise still open.");
        TableWriter.Write(ws, HeaderRow, 1, pack.TopOverdue ?? ReportTable.Empty(Columns), "TopOverdue");
        ws.Range(HeaderRow, 1, HeaderRow + Math.Max(1, pack.TopOverdue?.Rows.Count ?? 0), Columns.Count).Style.Font.FontSize = 10;
        ws.Row(HeaderRow).Height = 40;
        // Numbers' headers sit over their right-aligned figures; the promise reads apart from the days before it.
        for (var c = 1; c <= Columns.Count; c++)
            if (Columns[c - 1].Kind is ColumnKind.Count or ColumnKind.ScaledAmount or ColumnKind.Percent)
                ws.Cell(HeaderRow, c).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        var promise = Columns.Select(c => c.Field).ToList().IndexOf("promise_status") + 1;
        ws.Column(promise).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        ws.SheetView.FreezeRows(HeaderRow);
        SheetLayout.Print(ws, HeaderRow);
    }
}
