using O2C.Analytics.Analyst;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Schedule;

/// <summary>What the pipeline's scheduled jobs do, by kind: each is one of the pipeline's steps (PipelineSteps).</summary>
public sealed record PipelineJobs(PipelineSteps Steps)
{
    public IReadOnlyDictionary<string, JobWork> Kinds => new Dictionary<string, JobWork>(StringComparer.Ordinal)
    {
        ["load"] = Load,
        ["extract"] = Extract,
        ["refresh"] = Refresh,
        ["match"] = Match,
        ["pack"] = Pack,
        ["sla"] = SlaReview,
        ["export"] = Export,
    };

    /// <summary>Bank statements are parsed before the warehouse is opened (BankFilesRead).</summary>
    public IReadOnlyDictionary<string, JobPreparation> Preparations => new Dictionary<string, JobPreparation>(StringComparer.Ordinal)
    {
        ["extract"] = (job, steps) => BankFilesRead.Read(SourcesOf(job), steps),
    };

    private static SourcesConfig SourcesOf(ScheduledJobSettings job) =>
        SourcesConfig.Load(job.Source ?? throw new ArgumentException($"job {job.Name}: Source (the sources file) is missing"));

    /// <summary>Loads a folder of canonical files; abandoned (rolled back) on shutdown; a refresh follows when anything loaded.</summary>
    private JobOutcome Load(JobContext c)
    {
        var result = Steps.Load(c.Warehouse, c.Job.Source ?? throw new ArgumentException($"job {c.Job.Name}: Source (the folder to load) is missing"), c.Steps, c.Cancellation);
        if (result.FilesChanged > 0) c.Chain("refresh");
        FailOnRejects(c, result);
        return new JobOutcome(result.RowsLoaded);
    }

    private JobOutcome Extract(JobContext c)
    {
        var result = Steps.Extract(c.Warehouse, SourcesOf(c.Job), c.Steps, c.Prepared as BankFilesRead);
        var rows = result.Load?.RowsLoaded ?? 0;
        if (result.Load?.FilesChanged > 0) c.Chain("refresh");
        if (result.Load is { } load) FailOnRejects(c, load);
        return new JobOutcome(rows);
    }

    /// <summary>
    /// Too many rejected rows fail the run (recorded, alerted) though the good rows are in and the refresh follows:
    /// a scheduled load must not call that a success.
    /// </summary>
    private void FailOnRejects(JobContext c, Load.LoadResult result)
    {
        if (result.Shortfall(Steps.MaxRejectedShare) is { } why) throw new InvalidOperationException($"job {c.Job.Name}: {why}");
    }

    /// <summary>Models, KPIs, control charts, analyst views, predictions; then the Parquet snapshot when configured. Runs to its end once started.</summary>
    private JobOutcome Refresh(JobContext c) =>
        new(Outputs: Steps.Refresh(c.Warehouse, DateOnly.FromDateTime(DateTime.Today)).Exports);

    /// <summary>Cash matching at the default threshold (0.90); a refresh follows when anything was applied.</summary>
    private JobOutcome Match(JobContext c)
    {
        var result = new CashApplication.CashMatcher(c.Warehouse).Run(new CashApplication.CashMatchOptions(DateOnly.FromDateTime(DateTime.Today), 0.90m));
        if (result.AutoApplied > 0) c.Chain("refresh");
        return new JobOutcome(result.AutoApplied);
    }

    private JobOutcome Pack(JobContext c)
    {
        var published = Steps.PublishPack(c.Warehouse, ReportingPeriod.LatestClosedMonth(c.Warehouse, DateOnly.FromDateTime(DateTime.Today)));
        var outputs = new List<string> { published.WorkbookPath };
        outputs.AddRange(published.Charts);
        if (c.Job.Send) outputs.AddRange(Sent(() => Steps.SendPack(c.Warehouse, published).Select(p => p.Result).ToList()));
        return new JobOutcome(Outputs: outputs);
    }

    private JobOutcome SlaReview(JobContext c)
    {
        var published = Steps.PublishSlaReview(c.Warehouse);
        var outputs = new List<string> { published.WorkbookPath };
        if (c.Job.Send) outputs.Add(Sent(() => Steps.SendSlaReview(c.Warehouse, published)));
        return new JobOutcome(Outputs: outputs);
    }

    private JobOutcome Export(JobContext c) => new(Outputs: Steps.ExportParquet(c.Warehouse, c.Job.Source));

    /// <summary>A mail server that cannot be reached is a transient failure: the job is retried.</summary>
    private static string Sent(Func<DeliveryResult> send) => Sent(() => (IReadOnlyList<DeliveryResult>)[send()]).Single();

    private static IReadOnlyList<string> Sent(Func<IReadOnlyList<DeliveryResult>> send)
    {
        try
        {
            return send().Select(result => result.Sent ? $"mailed via {result.Where}" : result.Where).ToList();
        }
        catch (Mail.MailNotSentException e)
        {
            throw new TransientJobException($"mail not sent: {e.Message}", e);
        }
    }
}
