using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>The analyst workbook's aging: buckets of open receivables by month end, and for the month by segment and region: amounts and shares.</summary>
public static class AgingSheet
{
    public const string Name = "Aging detail";
    public const int ByMonthHeaderRow = 5;

    private static readonly (string Field, string Label)[] Buckets =
    [
        ("current", "Current"), ("d1_30", "1-30"), ("d31_60", "31-60"), ("d61_90", "61-90"), ("d91_120", "91-120"),
        ("d120_plus", "120+"), ("unapplied_credit", "Unapplied credit"),
    ];

    public static readonly IReadOnlyList<ReportColumn> ByMonthColumns =
    [
        new("month_end", "Month", ColumnKind.Month, 10),
        .. Buckets.Select(b => new ReportColumn(b.Field + "_amount", b.Label, ColumnKind.Amount, 15)),
        new("total_open", "Total open", ColumnKind.Amount, 16),
        .. Buckets.Select(b => new ReportColumn(b.Field + "_pct", b.Label + " %", ColumnKind.Percent, 9)),
        new("past_due_pct", "Past due %", ColumnKind.Percent, 9),
    ];

    public static readonly IReadOnlyList<ReportColumn> ByDimensionColumns =
    [
        new("dimension", "Dimension", ColumnKind.Text, 10),
        new("member", "Member", ColumnKind.SourceText, 15),
        .. Buckets.Select(b => new ReportColumn(b.Field + "_amount", b.Label, ColumnKind.Amount, 15)),
        new("total_open", "Total open", ColumnKind.Amount, 16),
        new("current_pct", "Current %", ColumnKind.Percent, 9),
        new("past_due_pct", "Past due %", ColumnKind.Percent, 9),
        new("over_90_pct", "Over 90 %", ColumnKind.Percent, 9),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Aging of receivables: {pack.MonthEnd:MMMM yyyy}",
            $"Open amounts in {pack.ReportingCurrency} at each month end, by days past due (month end minus due date); credits not linked to an invoice in their own bucket. Shares are of the total open.");
        SheetLayout.Heading(ws, ByMonthHeaderRow - 1, "By month end, company-wide");
        var last = TableWriter.Write(ws, ByMonthHeaderRow, 1, pack.AgingByMonth ?? ReportTable.Empty(ByMonthColumns), "AgingByMonth");
        var dimensionRow = last + 3;
        SheetLayout.Heading(ws, dimensionRow - 1, $"By segment and region, {pack.MonthEnd:MMMM yyyy}");
        TableWriter.Write(ws, dimensionRow, 1, pack.AgingByDimension ?? ReportTable.Empty(ByDimensionColumns), "AgingByDimension");
        ws.Row(ByMonthHeaderRow).Height = 30;
        ws.Row(dimensionRow).Height = 30;
        ws.SheetView.FreezeRows(ByMonthHeaderRow);
        SheetLayout.Print(ws, ByMonthHeaderRow);
    }
}
