using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The Scorecard: every KPI of the month with actual, target, RAG status (RagStatus: direction-aware with the
/// target's tolerance band), prior month and the change from it, same month last year, a 12-month trend and the
/// month's control-chart signals, grouped by area. Landscape, one page.
/// </summary>
public static class ScorecardSheet
{
    public const string Name = "Scorecard";
    public const int HeaderRow = 4;
    public static readonly string[] Headers = ["KPI", "Unit", "Actual", "Target", "RAG", "Prior month", "Change", "Same month last year", "12-month trend", "Control-chart signal"];

    public static readonly XLColor Green = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor Amber = XLColor.FromHtml("#FFEB9C");
    public static readonly XLColor Red = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor NotRated = XLColor.FromHtml("#EDEDED");
    public static readonly XLColor AreaBand = XLColor.FromHtml("#DDEBF7");

    /// <param name="dataWorkbook">The analyst workbook beside the pack, named under the scorecard.</param>
    public static void Write(XLWorkbook workbook, KpiPack pack, string? dataWorkbook = null)
    {
        var ws = SheetLayout.Add(workbook, Name, Summary.PackHeadline.Of(pack),
            $"O2C scorecard, company-wide, amounts in {pack.ReportingCurrency}. RAG: green at or better than target, amber within the tolerance band, red beyond it (Definitions sheet). Trend: last 12 months, low ▁ to high █.");
        for (var c = 0; c < Headers.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
        ws.Row(HeaderRow).Style.Font.SetBold().Alignment.SetWrapText();
        ws.Row(HeaderRow).Height = 30;
        var row = HeaderRow + 1;
        var trendMonths = Enumerable.Range(-11, 12).Select(pack.MonthEndOffset).ToList();
        foreach (var area in pack.Scorecard().GroupBy(l => l.Kpi.Area))
        {
            ws.Cell(row, 1).SetValue(area.Key);
            ws.Range(row, 1, row, Headers.Length).Style.Fill.SetBackgroundColor(AreaBand).Font.SetBold();
            row++;
            foreach (var line in area)
            {
                var kpi = line.Kpi;
                ws.Cell(row, 1).SetValue(kpi.Name);
                ws.Cell(row, 2).SetValue(kpi.Unit);
                Number(ws.Cell(row, 3), line.Actual, kpi);
                Number(ws.Cell(row, 4), line.Target?.Target, kpi);
                var ragCell = ws.Cell(row, 5);
                ragCell.SetValue(Label(line.Rag));
                ragCell.Style.Fill.SetBackgroundColor(Colour(line.Rag));
                ragCell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                Number(ws.Cell(row, 6), line.Prior, kpi);
                Number(ws.Cell(row, 7), line.Change, kpi);
                if (line.Change is not null) ws.Cell(row, 7).Style.NumberFormat.Format = "+" + kpi.NumberFormat + ";-" + kpi.NumberFormat + ";0";
                Number(ws.Cell(row, 8), pack.Value(kpi.Id, pack.MonthEndOffset(-12))?.Value, kpi);
                ws.Cell(row, 9).SetValue(TrendSparkline.Of(trendMonths.Select(m => pack.Value(kpi.Id, m)?.Value).ToList()));
                ws.Cell(row, 9).Style.Font.SetFontColor(XLColor.FromHtml("#2F5597"));
                ws.Cell(row, 10).SetValue(pack.Signal(kpi.Id) ?? "");
                if (pack.Signal(kpi.Id)?.Contains("(bad)", StringComparison.Ordinal) == true) ws.Cell(row, 10).Style.Font.SetFontColor(XLColor.FromHtml("#C00000"));
                row++;
            }
        }
        ws.Range(HeaderRow, 1, row - 1, Headers.Length).Style.Border.SetInsideBorder(XLBorderStyleValues.Hair)
            .Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        if (dataWorkbook is not null)
            ws.Cell(row + 1, 1).SetValue($"Every KPI by month and dimension, aged debtors, all signals and the data lineage: {dataWorkbook} (beside this pack).");
        ws.SheetView.FreezeRows(HeaderRow);
        int[] widths = [38, 7, 13, 11, 8, 13, 10, 13, 14, 26];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        SheetLayout.Print(ws, HeaderRow, onePage: true);
    }

    public static string Label(Rag rag) => rag == Rag.NotRated ? "n/a" : rag.ToString();

    public static XLColor Colour(Rag rag) => rag switch
    {
        Rag.Green => Green,
        Rag.Amber => Amber,
        Rag.Red => Red,
        _ => NotRated,
    };

    internal static void Number(IXLCell cell, decimal? value, KpiDefinition kpi)
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
