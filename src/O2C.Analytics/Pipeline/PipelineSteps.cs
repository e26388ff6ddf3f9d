using O2C.Analytics.Analyst;
using O2C.Analytics.Configuration;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using O2C.Analytics.Mail;
using O2C.Analytics.Predict;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Pipeline;

/// <summary>What a refresh did: the control charts, the month predictions were scored for, the scoring run, exports.</summary>
public sealed record RefreshResult(IReadOnlyList<ControlChart> Charts, ReportingMonth Month, long? PredictionRunId, int InvoicesScored, IReadOnlyList<string> Exports);

/// <summary>A written KPI pack: its content, workbook and control-chart images.</summary>
/// <param name="SlaRun">The SLA measurement the pack read (its attention list), for a review published right after it.</param>
public sealed record PublishedPack(KpiPack Pack, string WorkbookPath, IReadOnlyList<string> Charts, string DataWorkbookPath, SlaRunResult? SlaRun = null);

/// <summary>A written SLA review.</summary>
public sealed record PublishedSlaReview(SlaReview Review, string WorkbookPath);

/// <summary>
/// The pipeline's steps, composed once: `o2c run`, each `o2c` command and every scheduled job call these, so a
/// scheduled month writes exactly what `o2c run` writes. Load (or extract); refresh = models, KPIs, control charts,
/// analyst views, payment scoring, and the Parquet snapshot when configured; publish the pack = workbook and chart
/// images (then mail); publish the SLA review = measure, workbook (then mail).
/// </summary>
public sealed class PipelineSteps(SqlFolder sql, OutputPaths paths, string reportingCurrency, SpcOptions spc, MailSettings mail,
    IReadOnlyList<SlaDefinition> slas, SlaContract? slaContract = null, string? companyName = null, double maxRejectedShare = 0.05)
{
    public static PipelineSteps From(O2cSettings settings, string warehousePath, SqlFolder? sql = null) =>
        new(sql ?? SqlFolder.Default(), settings.Paths(warehousePath), settings.ReportingCurrency, settings.Spc, settings.Mail, settings.SlaDefinitions,
            settings.SlaContract, settings.CompanyName, settings.MaxRejectedShare);

    public SqlFolder Sql => sql;
    public OutputPaths Paths => paths;
    public MailSettings Mail => mail;
    /// <summary>A load rejecting more than this share of its rows fails its job (the good rows stay loaded).</summary>
    public double MaxRejectedShare => maxRejectedShare;

    public LoadResult Load(Warehouse warehouse, string folder, IProgress<string>? progress = null, CancellationToken cancellation = default) =>
        new CanonicalLoader(warehouse).LoadFolder(folder, progress, cancellation);

    public ExtractResult Extract(Warehouse warehouse, SourcesConfig sources, IProgress<string>? progress = null, BankFilesRead? statements = null) =>
        new SourceExtractor(warehouse).Run(sources, progress, statements);

    /// <summary>
    /// Rebuilds every derived table (one transaction), then scores open invoices as of the day after
    /// <paramref name="month"/> (default: the latest closed month; the first run trains a model), then writes the
    /// Parquet snapshot when one is configured.
    /// </summary>
    public RefreshResult Refresh(Warehouse warehouse, DateOnly today, ReportingMonth? month = null, bool score = true, Action<string>? status = null,
        bool full = false)
    {
        var charts = WarehouseRefresh.Run(warehouse, sql, reportingCurrency, status, spc, full);
        var scoredMonth = month ?? ReportingPeriod.LatestClosedMonth(warehouse, today);
        long? runId = null;
        var scored = 0;
        if (score)
            (runId, scored) = Score(warehouse, scoredMonth.End.AddDays(1), status);
        var exports = paths.ParquetFolder is { Length: > 0 } ? ParquetExport.Write(warehouse, paths.Parquet) : [];
        return new RefreshResult(charts, scoredMonth, runId, scored, exports);
    }

    /// <summary>
    /// Scores the open invoices as of <paramref name="asOf"/>, or keeps the scores stored for that date when nothing
    /// known by then changed since they were computed (a day's facts after the month the scores are as of): the same
    /// model on the same facts gives the same scores (PaymentPredictionRun.Stored).
    /// </summary>
    public (long RunId, int Scored) Score(Warehouse warehouse, DateOnly asOf, Action<string>? status = null)
    {
        var run = new PaymentPredictionRun(warehouse, paths.PaymentModels);
        if (run.Stored(asOf) is { } stored)
        {
            status?.Invoke($"payment predictions as of {asOf:yyyy-MM-dd} kept: no fact dated on or before it changed");
            return stored;
        }
        status?.Invoke("payment predictions (the first run trains the model)");
        var (runId, scored, _) = run.ScoreOrTrainFirst(asOf);
        return (runId, scored);
    }

    /// <summary>The month's KPI pack workbook and its company control charts, as the last refresh stored them.</summary>
    public PublishedPack PublishPack(Warehouse warehouse, ReportingMonth month, Action<string>? status = null)
    {
        // The summary's attention list names SLAs below target: measured now, so every way to the pack sees the same.
        status?.Invoke("SLA measurements");
        var slaRun = SlaRunner.Run(warehouse, sql, slas, slaContract);
        status?.Invoke($"workbooks and control charts for {month}");
        var pack = KpiPackReader.Read(warehouse, sql, month, DateTime.UtcNow) with { Company = companyName };
        // The analyst workbook (the longest, one core) and the pack with the charts (the other) are written side by
        // side: they only read the pack.
        string data = "", path = "";
        IReadOnlyList<string> charts = [];
        SideBySide.Run(
            () => data = KpiDataWorkbook.Write(pack, paths.KpiData(month)),
            () =>
            {
                path = KpiPackWorkbook.Write(pack, paths.KpiPack(month), Path.GetFileName(paths.KpiData(month)));
                charts = ChartPack.Write(pack.Charts, month.End, paths.Charts(month));
            });
        return new PublishedPack(pack, path, charts, data, slaRun);
    }

    /// <summary>The pack of one dimension member only, as its scoped recipients get it; returns its path.</summary>
    public string PublishScopedPack(Warehouse warehouse, ReportingMonth month, PackScope scope) =>
        KpiPackWorkbook.Write(KpiPackReader.Read(warehouse, sql, month, DateTime.UtcNow, scope) with { Company = companyName }, paths.KpiPack(month, scope));

    /// <summary>
    /// Mails the company pack to the pack recipients, then each scoped pack (Mail:ScopedPacks) to its own: computed
    /// for its member only, written beside the company's as o2c-kpi-pack-YYYY-MM--dimension-member.xlsx.
    /// </summary>
    /// <param name="resend">Send again to recipients who already got this month's pack (pack_deliveries).</param>
    public IReadOnlyList<PackDelivery> SendPack(Warehouse warehouse, PublishedPack published, bool resend = false)
    {
        var sent = new List<PackDelivery>();
        if (mail.PackRecipients.Length > 0 || mail.ScopedPacks.Length == 0)
            sent.Add(new PackDelivery(published.Pack.Scope, mail.PackRecipients,
                PackPublisher.Send(warehouse, published.Pack, published.WorkbookPath, mail, paths, dataWorkbookPath: published.DataWorkbookPath, resend: resend)));
        var month = Pipeline.ReportingMonth.Of(published.Pack.MonthEnd);
        foreach (var subscription in mail.ScopedPacks)
        {
            var scope = PackScope.Parse(subscription.Scope);
            var pack = KpiPackReader.Read(warehouse, sql, month, published.Pack.GeneratedAtUtc, scope) with { Company = companyName };
            var path = KpiPackWorkbook.Write(pack, paths.KpiPack(month, scope));
            sent.Add(new PackDelivery(scope, subscription.Recipients, PackPublisher.Send(warehouse, pack, path, mail, paths, subscription.Recipients, resend: resend)));
        }
        return sent;
    }

    /// <summary>Measures every SLA and writes the review of <paramref name="quarter"/> (default: the latest closed one).</summary>
    /// <param name="measured">The measurement just made (by the pack of the same run), so it is not made twice.</param>
    public PublishedSlaReview PublishSlaReview(Warehouse warehouse, SlaQuarter? quarter = null, Action<string>? status = null, SlaRunResult? measured = null)
    {
        if (measured is null) status?.Invoke("SLA measurements");
        var run = measured ?? SlaRunner.Run(warehouse, sql, slas, slaContract);
        var review = SlaReviewReader.Read(warehouse, sql, quarter ?? run.LatestClosedQuarter, DateTime.UtcNow);
        return new PublishedSlaReview(review, SlaReviewWorkbook.Write(review, paths.SlaReview(review.Quarter)));
    }

    public DeliveryResult SendSlaReview(Warehouse warehouse, PublishedSlaReview published) =>
        SlaReviewPublisher.Send(warehouse, published.Review, published.WorkbookPath, mail, paths);

    public IReadOnlyList<string> ExportParquet(Warehouse warehouse, string? folder = null) => ParquetExport.Write(warehouse, folder ?? paths.Parquet);
}
