using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The aged debtors list: the largest customers by open balance with their aging buckets, and one line for all the
/// others, so it reconciles to total open AR while its size stays the same however many customers there are.
/// </summary>
public static class AgedDebtorsSheet
{
    public const string Name = "Aged debtors";
    public const int HeaderRow = 4;
    public const int TopCustomers = 1000;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("rank", "#", ColumnKind.Count, 6),
        new("customer_id", "Customer id", ColumnKind.SourceText, 12),
        new("customer_name", "Customer", ColumnKind.SourceText, 32),
        new("segment", "Segment", ColumnKind.SourceText, 11),
        new("region", "Region", ColumnKind.SourceText, 13),
        new("collector", "Collector", ColumnKind.SourceText, 15),
        new("current_amount", "Current", ColumnKind.Amount, 14),
        new("d1_30_amount", "1-30", ColumnKind.Amount, 13),
        new("d31_60_amount", "31-60", ColumnKind.Amount, 13),
        new("d61_90_amount", "61-90", ColumnKind.Amount, 13),
        new("d91_120_amount", "91-120", ColumnKind.Amount, 13),
        new("d120_plus_amount", "120+", ColumnKind.Amount, 13),
        new("unapplied_credit_amount", "Unapplied credit", ColumnKind.Amount, 13),
        new("total_open", "Total open", ColumnKind.Amount, 15),
        new("past_due_amount", "Past due", ColumnKind.Amount, 14),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Aged debtors: {pack.MonthEnd:MMMM yyyy}",
            $"The {TopCustomers:N0} customers with the largest open balance at the month end, in {pack.ReportingCurrency}; the last line holds all other customers, so the columns add up to the Aging sheet's totals.");
        TableWriter.Write(ws, HeaderRow, 1, pack.AgedDebtors ?? ReportTable.Empty(Columns), "AgedDebtors");
        ws.Row(HeaderRow).Height = 30;
        ws.SheetView.FreezeRows(HeaderRow);
        ws.SheetView.FreezeColumns(3);
        SheetLayout.Print(ws, HeaderRow);
    }
}
