using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Every KPI shown in the pack with its formula, unit, direction, the target in force and the RAG rule, and its reference.</summary>
public static class DefinitionsSheet
{
    public const string Name = "Definitions";
    public const int HeaderRow = 4;
    public static readonly string[] Headers = ["KPI id", "Name", "Area", "Formula", "Unit", "Good direction", "Target in force", "Amber tolerance", "Reference"];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, "KPI definitions",
            "RAG rule: green when the actual is at or better than the target (below it where lower is better, above it where higher is better); amber when worse by no more than the tolerance; red beyond; n/a without a target or a value. Targets: loaded kpi_targets in force at the month end, else the catalogue default with a tolerance of a tenth of the target (at least 1).");
        for (var c = 0; c < Headers.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
        var row = HeaderRow + 1;
        foreach (var kpi in pack.Kpis)
        {
            var target = pack.Target(kpi.Id);
            ws.Cell(row, 1).SetValue(kpi.Id);
            ws.Cell(row, 2).SetValue(kpi.Name);
            ws.Cell(row, 3).SetValue(kpi.Area);
            ws.Cell(row, 4).SetValue(kpi.Formula);
            ws.Cell(row, 5).SetValue(kpi.Unit);
            ws.Cell(row, 6).SetValue(kpi.Direction == KpiDirection.LowerIsBetter ? "lower is better" : "higher is better");
            ScorecardSheet.Number(ws.Cell(row, 7), target?.Target, kpi);
            if (target is null) ws.Cell(row, 7).SetValue("none");
            ScorecardSheet.Number(ws.Cell(row, 8), target?.Tolerance, kpi);
            if (target?.Tolerance is null) ws.Cell(row, 8).SetValue("none");
            ws.Cell(row, 9).SetValue(kpi.Reference);
            row++;
        }
        SheetLayout.Table(ws.Range(HeaderRow, 1, row - 1, Headers.Length), "KpiDefinitions");
        ws.Row(HeaderRow).Height = 30;
        ws.SheetView.FreezeRows(HeaderRow);
        int[] widths = [22, 32, 18, 70, 7, 15, 10, 10, 45];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.Column(4).Style.Alignment.WrapText = true;
        ws.Column(9).Style.Alignment.WrapText = true;
        ws.Range(HeaderRow + 1, 1, row - 1, Headers.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        SheetLayout.Print(ws, HeaderRow);
    }
}
