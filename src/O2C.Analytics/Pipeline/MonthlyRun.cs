using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Configuration;
using O2C.Analytics.Load;
using O2C.Analytics.Mail;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Storage;

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
    IReadOnlyList<SlaDefinition>? Slas = null,
    string? Configuration = null,
    MailSettings? Mail = null,
    bool Send = false,
    bool Resend = false,
    string? ParquetFolder = null,
    SlaContract? SlaContract = null,
    string? CompanyName = null)
{
    public OutputPaths Paths => new(ReportsFolder, WarehousePath, ParquetFolder);

    public PipelineSteps Steps(SqlFolder sql) =>
        new(sql, Paths, ReportingCurrency, Spc ?? new SpcOptions(), Mail ?? new MailSettings(), Slas ?? SlaCatalog.Defaults, SlaContract, CompanyName);

    /// <summary>The run o2c.json and the O2C_ variables describe.</summary>
    public static MonthlyRunOptions From(O2cSettings settings, string warehousePath, DateOnly today) =>
        new(warehousePath, settings.DataFolder, settings.ReportsFolder, settings.ReportingCurrency, today, Spc: settings.Spc,
            Slas: settings.SlaDefinitions, Configuration: settings.AuditJson(), Mail: settings.Mail, ParquetFolder: settings.Schedule.ExportParquet,
            SlaContract: settings.SlaContract, CompanyName: settings.CompanyName);
}

public sealed record MonthlyRunResult(LoadResult Load, DateOnly MonthEnd, string WorkbookPath, long UnconvertibleOpenItems, IReadOnlyList<string> Charts,
    long? PredictionRunId = null, int InvoicesScored = 0, KpiPack? Pack = null, string? SlaReviewPath = null, SlaReview? SlaReview = null,
    IReadOnlyList<Reports.MonthlyPack.PackDelivery>? PackSent = null, string? DataWorkbookPath = null, CashApplication.CashMatchResult? CashMatching = null);

/// <summary>
/// Load the data folder, refresh (models, KPIs, control charts, views; score open invoices as of the day after the
/// month, the first run training a model), publish the pack for the latest closed month (workbook and charts; mail it
/// when asked) and the review of the latest closed quarter: the scheduler's load, refresh, pack and sla jobs in a row.
/// </summary>
public static class MonthlyRun
{
    public static MonthlyRunResult Run(MonthlyRunOptions options, SqlFolder sql, Action<string>? status = null)
    {
        var steps = options.Steps(sql);
        using var warehouse = WarehouseSetup.OpenMigrated(options.WarehousePath, sql, options.Configuration);
        var load = steps.Load(warehouse, options.DataFolder, status is null ? null : new Progress<string>(status));
        var cash = ApplyBankStatements(warehouse, options, steps, status);
        var refresh = steps.Refresh(warehouse, options.Today, options.Month, options.Predict, status);
        var pack = steps.PublishPack(warehouse, refresh.Month, status);
        var sent = options.Send ? steps.SendPack(warehouse, pack, options.Resend) : null;
        var review = steps.PublishSlaReview(warehouse, status: status, measured: pack.SlaRun);
        return new MonthlyRunResult(load, refresh.Month.End, pack.WorkbookPath, WarehouseRefresh.UnconvertibleOpenItems(warehouse), pack.Charts,
            refresh.PredictionRunId, refresh.InvoicesScored, pack.Pack, review.WorkbookPath, review.Review, sent, pack.DataWorkbookPath, cash);
    }

    /// <summary>
    /// A data folder with bank statements (its o2c.sources.json, as the bundled sample's) has them extracted and the new
    /// receipts applied by cash matching, each dated the day it was posted (a daily run's dates): the sample's bank feed.
    /// </summary>
    private static CashApplication.CashMatchResult? ApplyBankStatements(Warehouse warehouse, MonthlyRunOptions options, PipelineSteps steps, Action<string>? status)
    {
        var sources = Path.Combine(options.DataFolder, "o2c.sources.json");
        if (!File.Exists(sources)) return null;
        status?.Invoke("Reading the bank statements");
        steps.Extract(warehouse, Extract.Sources.SourcesConfig.Load(sources));
        status?.Invoke("Matching cash");
        return new CashApplication.CashMatcher(warehouse).Run(new CashApplication.CashMatchOptions(options.Today) { DateAsPosted = true });
    }
}
