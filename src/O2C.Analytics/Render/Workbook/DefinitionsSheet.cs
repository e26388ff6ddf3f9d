using ClosedXML.Excel;

namespace O2C.Analytics.Render.Workbook;

/// <summary>Every KPI shown in the pack with its formula, unit, direction, target and reference.</summary>
public static class DefinitionsSheet
{
    public const string Name = "Definitions";

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = workbook.Worksheets.Add(Name);
        string[] headers = ["KPI id", "Name", "Area", "Formula", "Unit", "Good direction", "Default target", "Reference"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
        var row = 2;
        foreach (var kpi in pack.Kpis)
        {
            ws.Cell(row, 1).SetValue(kpi.Id);
            ws.Cell(row, 2).SetValue(kpi.Name);
            ws.Cell(row, 3).SetValue(kpi.Area);
            ws.Cell(row, 4).SetValue(kpi.Formula);
            ws.Cell(row, 5).SetValue(kpi.Unit);
            ws.Cell(row, 6).SetValue(kpi.Direction == Metrics.KpiDirection.LowerIsBetter ? "lower is better" : "higher is better");
            if (kpi.DefaultTarget is { } target) ws.Cell(row, 7).SetValue(target);
            else ws.Cell(row, 7).SetValue("none");
            ws.Cell(row, 8).SetValue(kpi.Reference);
            row++;
        }
        var table = ws.Range(1, 1, row - 1, headers.Length).CreateTable("KpiDefinitions");
        table.ShowAutoFilter = true;
        ws.SheetView.FreezeRows(1);
        int[] widths = [16, 34, 18, 70, 7, 16, 14, 45];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.Column(4).Style.Alignment.WrapText = true;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
    }
}
