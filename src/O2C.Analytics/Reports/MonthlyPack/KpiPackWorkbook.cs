using O2C.Analytics.Pipeline;
using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Writes the KPI pack workbook (reports/o2c-kpi-pack-YYYY-MM.xlsx), sheets in the order leadership reads them.</summary>
public static class KpiPackWorkbook
{
    /// <param name="path">Where to write it (OutputPaths.KpiPack).</param>
    public static string Write(KpiPack pack, string path)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        ScorecardSheet.Write(workbook, pack);
        foreach (var area in pack.Kpis.Select(k => k.Area).Distinct()) AreaSheet.Write(workbook, pack, area);
        AgingSheet.Write(workbook, pack);
        AgedDebtorsSheet.Write(workbook, pack);
        TopOverdueSheet.Write(workbook, pack);
        ForecastWorklistSheet.Write(workbook, pack);
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
        workbook.Properties.Title = $"O2C KPI pack {Pipeline.ReportingMonth.Of(pack.MonthEnd)}";
        workbook.Properties.Created = pack.GeneratedAtUtc;
        return WorkbookFile.SaveAtomically(workbook, path);
    }
}
