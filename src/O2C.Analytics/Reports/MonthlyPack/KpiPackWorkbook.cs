using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Writes the leadership pack (reports/o2c-kpi-pack-YYYY-MM.xlsx, the one mailed): the scorecard, aging, the
/// largest past-due customers, the forward view and the definitions of what is on them. The detail (every KPI by
/// month and dimension, aged debtors, all signals, lineage) is the analyst workbook's (<see cref="KpiDataWorkbook"/>).
/// </summary>
public static class KpiPackWorkbook
{
    /// <param name="path">Where to write it (OutputPaths.KpiPack).</param>
    /// <param name="dataWorkbook">The analyst workbook's file name, named on the scorecard (not attached).</param>
    public static string Write(KpiPack pack, string path, string? dataWorkbook = null)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        ScorecardSheet.Write(workbook, pack, dataWorkbook);
        AgingSheet.Write(workbook, pack);
        TopOverdueSheet.Write(workbook, pack);
        ForecastWorklistSheet.Write(workbook, pack);
        DefinitionsSheet.Write(workbook, pack);
        foreach (var sheet in workbook.Worksheets)
            SheetLayout.Finish(sheet, sheet.Name == DefinitionsSheet.Name ? [4, 9] : []);
        workbook.Properties.Title = $"O2C KPI pack {Pipeline.ReportingMonth.Of(pack.MonthEnd)}";
        workbook.Properties.Created = pack.GeneratedAtUtc;
        return WorkbookFile.SaveAtomically(workbook, path);
    }
}
