using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The Scorecard: every KPI of the month with actual, target, RAG status (RagStatus: direction-aware with the
/// target's tolerance band), the change on the prior month as an arrow and a figure in the KPI's unit coloured good
/// or bad by its direction, the same month last year, a 12-month trend on a scale from zero, and the month's
/// control-chart signal in words where it is bad news. Grouped by area; 9 pt, two A4 landscape pages.
/// </summary>
public static class ScorecardSheet
{
    public const string Name = "Scorecard";
    public const int HeaderRow = 4;
    public static readonly string[] Headers = ["KPI", "Actual", "Target", "RAG", "Change on prior month", "Same month last year", "12 months (from zero)", "Control chart says"];
    public const double FontSize = 9;

    public static readonly XLColor Green = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor Amber = XLColor.FromHtml("#FFEB9C");
    public static readonly XLColor Red = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor NotRated = XLColor.FromHtml("#EDEDED");
    public static readonly XLColor AreaBand = XLColor.FromHtml("#DDEBF7");

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Scorecard: {pack.MonthEnd:MMMM yyyy}, {pack.Scope.Label}",
            $"Amounts in {pack.ReportingCurrency} (k thousands, M millions). RAG: green at or better than target, amber within the tolerance band, red beyond it (Definitions). " +
            "Change: green when it is good news for the KPI. 12 months: bars from zero to the highest month, so only changes that matter against the level show. " +
            "Control chart: only signals that are bad news; 'normal range' is the KPI's own control limits.");
        for (var c = 0; c < Headers.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
        ws.Row(HeaderRow).Style.Font.SetBold().Alignment.SetWrapText();
        ws.Row(HeaderRow).Height = 26;
        var row = HeaderRow + 1;
        var trendMonths = pack.LastMonthEnds(12);
        foreach (var area in pack.Scorecard().GroupBy(l => l.Kpi.Area))
        {
            ws.Cell(row, 1).SetValue(area.Key);
            ws.Range(row, 1, row, Headers.Length).Style.Fill.SetBackgroundColor(AreaBand).Font.SetBold();
            ws.Row(row).Height = 12.5;
            row++;
            foreach (var line in area)
            {
                var kpi = line.Kpi;
                ws.Cell(row, 1).SetValue(NameWithUnit(kpi));
                Number(ws.Cell(row, 2), line.Actual, kpi, scaled: true);
                Number(ws.Cell(row, 3), line.Target?.Target, kpi, scaled: true);
                var ragCell = ws.Cell(row, 4);
                ragCell.SetValue(Label(line.Rag));
                ragCell.Style.Fill.SetBackgroundColor(Colour(line.Rag));
                ragCell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                var change = new Summary.HeadlineTile(kpi.Name, kpi.Unit, line.Actual, line.Prior, "", kpi.Direction);
                if (change.Change is not null)
                {
                    ws.Cell(row, 5).SetValue(change.ChangeText.Trim());
                    ws.Cell(row, 5).Style.Font.SetFontColor(SummarySheet.Colour(change.Tone));
                }
                else ws.Cell(row, 5).SetValue("n/a");
                ws.Cell(row, 5).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                Number(ws.Cell(row, 6), pack.Value(kpi.Id, pack.MonthEndOffset(-12))?.Value, kpi, scaled: true);
                ws.Cell(row, 7).SetValue(TrendSparkline.FromZero(trendMonths.Select(m => pack.Value(kpi.Id, m)?.Value).ToList()));
                ws.Cell(row, 7).Style.Font.SetFontColor(XLColor.FromHtml("#2F5597"));
                if (pack.Signal(kpi.Id) is { } signal)
                {
                    ws.Cell(row, 8).SetValue(signal);
                    ws.Cell(row, 8).Style.Font.SetFontColor(SummarySheet.BadColour).Alignment.SetWrapText();
                }
                ws.Row(row).Height = pack.Signal(kpi.Id) is { Length: > 34 } ? 24 : 12.5;
                row++;
            }
        }
        ws.Range(HeaderRow, 1, row - 1, Headers.Length).Style.Font.FontSize = FontSize;
        ws.Range(HeaderRow, 1, row - 1, Headers.Length).Style.Border.SetInsideBorder(XLBorderStyleValues.Hair)
            .Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        ws.SheetView.FreezeRows(HeaderRow);
        int[] widths = [34, 8, 7, 6, 16, 9, 15, 26];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        SheetLayout.Print(ws, HeaderRow);
    }

    /// <summary>"DSO (period method, 3 months) (days)"; amounts and names that already say % go without.</summary>
    public static string NameWithUnit(KpiDefinition kpi) => kpi.Unit == "amount" || kpi.Name.Contains('%') ? kpi.Name : $"{kpi.Name} ({kpi.Unit})";

    public static string Label(Rag rag) => rag == Rag.NotRated ? "n/a" : rag.ToString();

    public static XLColor Colour(Rag rag) => rag switch
    {
        Rag.Green => Green,
        Rag.Amber => Amber,
        Rag.Red => Red,
        _ => NotRated,
    };

    /// <param name="scaled">Amounts in k/M without cents (leadership pages); exact otherwise.</param>
    internal static void Number(IXLCell cell, decimal? value, KpiDefinition kpi, bool scaled = false)
    {
        if (value is { } v)
        {
            cell.SetValue(Math.Round(v, 4));
            cell.Style.NumberFormat.Format = scaled && kpi.Unit == "amount" ? SheetLayout.ScaledAmountFormatFor(v) : kpi.NumberFormat;
        }
        else
        {
            cell.SetValue("n/a");
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
    }
}
