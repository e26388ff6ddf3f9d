using O2C.Analytics.Load;
using O2C.Analytics.Predict;
using O2C.Analytics.Sla;
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
    ReportingMonth? Month = null,
    SpcOptions? Spc = null,
    bool Predict = true,
    string? ModelsFolder = null,
    IReadOnlyList<SlaDefinition>? Slas = null,
    string? Configuration = null)
{
    /// <summary>Model files sit beside the warehouse unless a folder is given.</summary>
    public string Models => ModelsFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WarehousePath))!, "models");
}

public sealed record MonthlyRunResult(LoadResult Load, DateOnly MonthEnd, string WorkbookPath, long UnconvertibleOpenItems, IReadOnlyList<string> Charts,
    long? PredictionRunId = null, int InvoicesScored = 0, KpiPack? Pack = null, string? SlaReviewPath = null, SlaReview? SlaReview = null);

/// <summary>
/// Load the data folder, refresh models, KPIs and control charts, score open invoices as of the day after the month
/// (with the latest payment model; the first run trains one), write the pack for the latest closed month, measure
/// the SLAs and write the review of the latest closed quarter.
/// </summary>
public static class MonthlyRun
{
    public static MonthlyRunResult Run(MonthlyRunOptions options, SqlFolder sql, Action<string>? status = null)
    {
        using var warehouse = WarehouseSetup.OpenMigrated(options.WarehousePath, sql, options.Configuration);
        var load = new CanonicalLoader(warehouse).LoadFolder(options.DataFolder, status is null ? null : new Progress<string>(status));
        var spcCharts = WarehouseRefresh.Run(warehouse, sql, options.ReportingCurrency, status, options.Spc);
        var month = options.Month ?? ReportingPeriod.LatestClosedMonth(warehouse, options.Today);
        var monthEnd = month.End;
        long? runId = null;
        var scored = 0;
        if (options.Predict)
        {
            status?.Invoke("payment predictions (the first run trains the model)");
            (runId, scored, _) = new PaymentPredictionRun(warehouse, options.Models).ScoreOrTrainFirst(monthEnd.AddDays(1));
        }
        status?.Invoke($"workbook for {month}");
        var pack = KpiPackReader.Read(warehouse, sql, month, DateTime.UtcNow);
        var path = KpiPackWorkbook.Write(pack, options.ReportsFolder);
        status?.Invoke("control charts");
        var charts = ChartPack.Write(spcCharts, monthEnd, options.ReportsFolder);
        status?.Invoke("SLA measurements");
        var (review, reviewPath) = SlaQuarterlyReview.Write(warehouse, sql, options.Slas ?? SlaCatalog.Defaults, options.ReportsFolder);
        return new MonthlyRunResult(load, monthEnd, path, WarehouseRefresh.UnconvertibleOpenItems(warehouse), charts, runId, scored, pack, reviewPath, review);
    }
}
