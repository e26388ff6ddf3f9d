using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Writes the leadership pack (reports/o2c-kpi-pack-YYYY-MM.xlsx, the one mailed), at most ten A4 landscape pages at
/// full size (nothing printed below 9 pt): the summary, cash and DSO, aging, the largest past-due customers, the cash
/// forecast (company-wide packs), disputes and cash application, the scorecard of every KPI and the definitions. The
/// detail (every KPI by month and dimension, aged debtors, all signals, worklist, lineage) is the analyst
/// workbook's (<see cref="KpiDataWorkbook"/>).
/// </summary>
public static class KpiPackWorkbook
{
    /// <param name="path">Where to write it (OutputPaths.KpiPack).</param>
    /// <param name="dataWorkbook">The analyst workbook's file name, named on the summary (not attached).</param>
    public static string Write(KpiPack pack, string path, string? dataWorkbook = null)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        SummarySheet.Write(workbook, pack, dataWorkbook);
        CashAndDsoSheet.Write(workbook, pack);
        AgingPage.Write(workbook, pack);
        TopOverdueSheet.Write(workbook, pack);
        ForecastPage.Write(workbook, pack);
        DisputesAndCashPage.Write(workbook, pack);
        ScorecardSheet.Write(workbook, pack);
        DefinitionsSheet.WriteForPack(workbook, pack, dataWorkbook);
        var month = $"{pack.MonthEnd:MMMM yyyy}";
        foreach (var sheet in workbook.Worksheets)
        {
            if (sheet.Name != SummarySheet.Name)
                SheetLayout.Finish(sheet, sheet.Name == DefinitionsSheet.Name ? [2] : [], sheet.Name switch
                {
                    CashAndDsoSheet.Name => CashAndDsoSheet.PageColumns,
                    AgingPage.Name => AgingPage.PageColumns,
                    ForecastPage.Name => ForecastPage.PageColumns,
                    DisputesAndCashPage.Name => DisputesAndCashPage.PageColumns,
                    _ => 0,
                });
            SheetLayout.LeadershipPrint(sheet, (pack.Company is { Length: > 0 } company ? company + ": " : "") + $"O2C KPI pack, {month}", pack.Scope.Label);
        }
        workbook.Properties.Title = $"O2C KPI pack {Pipeline.ReportingMonth.Of(pack.MonthEnd)} ({pack.Scope.Label})";
        workbook.Properties.Created = pack.GeneratedAtUtc;
        return WorkbookFile.SaveAtomically(workbook, path);
    }
}
