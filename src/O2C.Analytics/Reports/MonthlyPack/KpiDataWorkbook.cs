using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Writes the analyst workbook (reports/o2c-kpi-data-YYYY-MM.xlsx), beside the pack and not mailed: every KPI value
/// by month, dimension and member; each area's trends, breakdowns and control charts; aged debtors; the
/// collection strategies and pilots; every control-chart signal; definitions; lineage.
/// </summary>
public static class KpiDataWorkbook
{
    /// <param name="path">Where to write it (OutputPaths.KpiData).</param>
    public static string Write(KpiPack pack, string path)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        var kpiValues = KpiValuesSheet.Write(workbook, pack);
        foreach (var area in pack.Kpis.Select(k => k.Area).Distinct()) AreaSheet.Write(workbook, pack, area);
        AgingSheet.Write(workbook, pack);
        AgedDebtorsSheet.Write(workbook, pack);
        ForecastWorklistSheet.Write(workbook, pack);
        StrategiesSheet.Write(workbook, pack);
        PilotsSheet.Write(workbook, pack);
        SignalsSheet.Write(workbook, pack);
        DefinitionsSheet.Write(workbook, pack);
        LineageSheet.Write(workbook, pack);
        foreach (var sheet in workbook.Worksheets)
            SheetLayout.Finish(sheet, sheet.Name switch
            {
                DefinitionsSheet.Name => [4, 9],
                LineageSheet.Name => LineageSheet.WrappedColumns,
                _ => [],
            });
        workbook.Properties.Title = $"O2C KPI data {Pipeline.ReportingMonth.Of(pack.MonthEnd)}";
        workbook.Properties.Created = pack.GeneratedAtUtc;
        return WorkbookFile.SaveAtomically(workbook, path, kpiValues);
    }
}
