using O2C.Analytics.Analyst;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Render.Workbook;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Warehouse;

namespace O2C.Analytics.Schedule;

/// <summary>What the pipeline's scheduled jobs do, by kind.</summary>
public sealed record PipelineJobs(
    SqlFolder Sql, string ReportsFolder, string ReportingCurrency, MailSettings Mail, IReadOnlyList<SlaDefinition> Slas,
    SpcOptions Spc, string ModelsFolder, string? ExportParquet)
{
    public IReadOnlyDictionary<string, JobWork> Kinds => new Dictionary<string, JobWork>(StringComparer.Ordinal)
    {
        ["load"] = Load,
        ["extract"] = Extract,
        ["refresh"] = Refresh,
        ["pack"] = Pack,
        ["sla"] = SlaReview,
        ["export"] = Export,
    };

    /// <summary>Loads a folder of canonical files; abandoned (rolled back) on shutdown; a refresh follows when anything loaded.</summary>
    private JobOutcome Load(JobContext c)
    {
        var result = new CanonicalLoader(c.Warehouse).LoadFolder(c.Job.Source ?? throw new ArgumentException($"job {c.Job.Name}: Source (the folder to load) is missing"), c.Steps, c.Cancellation);
        if (result.FilesChanged > 0) c.Chain("refresh");
        return new JobOutcome(result.RowsLoaded);
    }

    /// <summary>Bank statements are parsed before the warehouse is opened (BankFilesRead).</summary>
    public IReadOnlyDictionary<string, JobPreparation> Preparations => new Dictionary<string, JobPreparation>(StringComparer.Ordinal)
    {
        ["extract"] = (job, steps) => BankFilesRead.Read(SourcesOf(job), steps),
    };

    private static SourcesConfig SourcesOf(ScheduledJobSettings job) =>
        SourcesConfig.Load(job.Source ?? throw new ArgumentException($"job {job.Name}: Source (the sources file) is missing"));

    private JobOutcome Extract(JobContext c)
    {
        var result = new SourceExtractor(c.Warehouse).Run(SourcesOf(c.Job), c.Steps, c.Prepared as BankFilesRead);
        var rows = result.Load?.RowsLoaded ?? 0;
        if (result.Load?.FilesChanged > 0) c.Chain("refresh");
        return new JobOutcome(rows);
    }

    /// <summary>Models, KPIs, control charts, analyst views, predictions; then the Parquet snapshot when configured. Runs to its end once started.</summary>
    private JobOutcome Refresh(JobContext c)
    {
        WarehouseRefresh.Run(c.Warehouse, Sql, ReportingCurrency, spc: Spc);
        var asOf = ReportingPeriod.LatestClosedMonth(c.Warehouse, DateOnly.FromDateTime(DateTime.Today)).End.AddDays(1);
        new PaymentPredictionRun(c.Warehouse, ModelsFolder).ScoreOrTrainFirst(asOf);
        var outputs = ExportParquet is { Length: > 0 } folder ? ParquetExport.Write(c.Warehouse, folder) : [];
        return new JobOutcome(Outputs: outputs);
    }

    private JobOutcome Pack(JobContext c)
    {
        var month = ReportingPeriod.LatestClosedMonth(c.Warehouse, DateOnly.FromDateTime(DateTime.Today));
        var pack = KpiPackReader.Read(c.Warehouse, Sql, month, DateTime.UtcNow);
        var path = KpiPackWorkbook.Write(pack, ReportsFolder);
        var outputs = new List<string> { path };
        if (c.Job.Send) outputs.Add(Sent(() => PackPublisher.Send(c.Warehouse, pack, path, Mail, Path.Combine(ReportsFolder, "outbox"))));
        return new JobOutcome(Outputs: outputs);
    }

    private JobOutcome SlaReview(JobContext c)
    {
        var (review, path) = SlaQuarterlyReview.Write(c.Warehouse, Sql, Slas, ReportsFolder);
        var outputs = new List<string> { path };
        if (c.Job.Send) outputs.Add(Sent(() => SlaReviewPublisher.Send(c.Warehouse, review, path, Mail, Path.Combine(ReportsFolder, "outbox"))));
        return new JobOutcome(Outputs: outputs);
    }

    private JobOutcome Export(JobContext c) => new(Outputs: ParquetExport.Write(c.Warehouse, c.Job.Source ?? ExportParquet ?? "exports/parquet"));

    /// <summary>A mail server that cannot be reached is a transient failure: the job is retried.</summary>
    private static string Sent(Func<DeliveryResult> send)
    {
        try
        {
            var result = send();
            return result.Sent ? $"mailed via {result.Where}" : result.Where;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpProtocolException or IOException or TimeoutException)
        {
            throw new TransientJobException($"mail not sent: {e.Message}", e);
        }
    }
}
