using O2C.Analytics.Load;
using O2C.Analytics.Render.Charts;
using O2C.Analytics.Spc;
using O2C.Analytics.Render.Workbook;
using O2C.Analytics.Warehouse;

namespace O2C.Analytics.Pipeline;

/// <summary>What <c>o2c run</c> does end to end, and what it produced.</summary>
public sealed record MonthlyRunOptions(
    string WarehousePath,
    string DataFolder,
    string ReportsFolder,
    string ReportingCurrency,
    DateOnly Today,
    DateOnly? Month = null,
    SpcOptions? Spc = null);

public sealed record MonthlyRunResult(LoadResult Load, DateOnly MonthEnd, string WorkbookPath, long UnconvertibleOpenItems, IReadOnlyList<string> Charts);

/// <summary>Load the data folder, refresh models and KPIs, write the pack for the latest closed month.</summary>
public static class MonthlyRun
{
    public static MonthlyRunResult Run(MonthlyRunOptions options, SqlFolder sql, Action<string>? status = null)
    {
        using var warehouse = WarehouseSetup.OpenMigrated(options.WarehousePath, sql);
        var load = new CanonicalLoader(warehouse).LoadFolder(options.DataFolder, status is null ? null : new Progress<string>(status));
        var spcCharts = WarehouseRefresh.Run(warehouse, sql, options.ReportingCurrency, status, options.Spc);
        var monthEnd = options.Month ?? ReportingPeriod.LatestClosedMonthEnd(warehouse, options.Today);
        status?.Invoke($"workbook for {ReportingPeriod.Label(monthEnd)}");
        var pack = KpiPackReader.Read(warehouse, monthEnd, DateTime.UtcNow);
        var path = KpiPackWorkbook.Write(pack, options.ReportsFolder);
        status?.Invoke("control charts");
        var charts = ChartPack.Write(spcCharts, monthEnd, options.ReportsFolder);
        return new MonthlyRunResult(load, monthEnd, path, WarehouseRefresh.UnconvertibleOpenItems(warehouse), charts);
    }
}
