using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>The analyst workbook's "KPI values": every KPI by month, dimension and member up to the pack's month, as computed.</summary>
public static class KpiValuesSheet
{
    public const string Name = "KPI values";

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("period_end", "Month end", ColumnKind.Date, 11),
        new("kpi_id", "KPI id", ColumnKind.Text, 24),
        new("kpi_name", "KPI", ColumnKind.Text, 36),
        new("area", "Area", ColumnKind.Text, 18),
        new("unit", "Unit", ColumnKind.Text, 8),
        new("dimension", "Dimension", ColumnKind.Text, 11),
        new("member", "Member", ColumnKind.SourceText, 22),
        new("numerator", "Numerator", ColumnKind.Number, 16),
        new("denominator", "Denominator", ColumnKind.Number, 16),
        new("value", "Value", ColumnKind.Number, 14),
        new("note", "Note", ColumnKind.Text, 30),
    ];

    /// <returns>The rows after the first, streamed in when the workbook is saved.</returns>
    public static StreamedTable? Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Every KPI by month, dimension and member, to {pack.MonthEnd:MMMM yyyy}",
            $"As computed and stored in kpi_values (amounts in {pack.ReportingCurrency}); a KPI over several members is sum(numerator) / sum(denominator), never an average of values. Formulas: Definitions sheet.");
        var rest = StreamedTable.Write(ws, 4, 1, pack.AllKpiValues ?? ReportTable.Empty(Columns), "KpiValues");
        SheetLayout.Print(ws, 4);
        return rest;
    }
}
