using ClosedXML.Excel;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Render.Workbook;

/// <summary>
/// The Scorecard: every KPI of the month with target, actual, prior month, same month last year, RAG status
/// (RagStatus: direction-aware with the target's tolerance band) and the month's control-chart signals, grouped by
/// area. Landscape, one page wide.
/// </summary>
public static class ScorecardSheet
{
    public const string Name = "Scorecard";
    public const int HeaderRow = 4;
    public static readonly string[] Headers = ["KPI", "Unit", "Actual", "Target", "RAG", "Prior month", "Same month last year", "Control-chart signal"];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = workbook.Worksheets.Add(Name);
        ws.Cell(1, 1).SetValue($"O2C scorecard: {pack.MonthEnd:MMMM yyyy}");
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).SetValue($"Company-wide, amounts in {pack.ReportingCurrency}. RAG: green at or better than target, amber within the tolerance band, red beyond it.");
        for (var c = 0; c < Headers.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
        ws.Row(HeaderRow).Style.Font.SetBold();
        var row = HeaderRow + 1;
        foreach (var area in pack.Kpis.Select(k => k.Area).Distinct())
        {
            ws.Cell(row, 1).SetValue(area);
            ws.Range(row, 1, row, Headers.Length).Style.Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7")).Font.SetBold();
            row++;
            foreach (var kpi in pack.Kpis.Where(k => k.Area == area))
            {
                var actual = pack.Value(kpi.Id, pack.MonthEnd)?.Value;
                var target = pack.Target(kpi.Id);
                ws.Cell(row, 1).SetValue(kpi.Name);
                ws.Cell(row, 2).SetValue(kpi.Unit);
                Number(ws.Cell(row, 3), actual, kpi);
                Number(ws.Cell(row, 4), target?.Target, kpi);
                var rag = RagStatus.Of(kpi.Direction, actual, target?.Target, target?.Tolerance);
                var ragCell = ws.Cell(row, 5);
                ragCell.SetValue(rag == Rag.NotRated ? "n/a" : rag.ToString());
                ragCell.Style.Fill.SetBackgroundColor(rag switch
                {
                    Rag.Green => XLColor.FromHtml("#C6EFCE"),
                    Rag.Amber => XLColor.FromHtml("#FFEB9C"),
                    Rag.Red => XLColor.FromHtml("#FFC7CE"),
                    _ => XLColor.FromHtml("#EDEDED"),
                });
                Number(ws.Cell(row, 6), pack.Value(kpi.Id, MonthEnd(pack.MonthEnd, -1))?.Value, kpi);
                Number(ws.Cell(row, 7), pack.Value(kpi.Id, MonthEnd(pack.MonthEnd, -12))?.Value, kpi);
                ws.Cell(row, 8).SetValue(pack.Signal(kpi.Id) ?? "");
                row++;
            }
        }
        ws.SheetView.FreezeRows(HeaderRow);
        int[] widths = [40, 8, 14, 12, 9, 13, 13, 28];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 1);
        ws.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
    }

    private static DateOnly MonthEnd(DateOnly monthEnd, int months) => new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddMonths(months + 1).AddDays(-1);

    private static void Number(IXLCell cell, decimal? value, KpiDefinition kpi)
    {
        if (value is { } v)
        {
            cell.SetValue(Math.Round(v, 4));
            cell.Style.NumberFormat.Format = kpi.NumberFormat;
        }
        else
        {
            cell.SetValue("n/a");
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
    }
}
