using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace O2C.Analytics.Schedule;

/// <summary>
/// The scheduler: Quartz with a single worker, so jobs never overlap. Each job's next due time comes from its
/// <see cref="JobRule"/> and is scheduled as a one-off trigger, rescheduled after each run. Misfire policy: at
/// start-up, a job that has run before and whose last due time passed with no run covering it (the host was down)
/// runs once, now, however many due times were missed.
/// </summary>
public sealed class PipelineScheduler(ScheduleSettings settings, ScheduledJobRunner runner, Func<IReadOnlySet<DateOnly>> holidays,
    Func<string, bool> hasHistory, Func<string, DateTimeOffset, bool> covered, TimeZoneInfo zone, ILogger log,
    Func<(int Interrupted, bool RefreshOwed)>? recover = null) : IAsyncDisposable
{
    private const string ContextKey = "o2c";
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Dictionary<string, JobRule> _rules = new(StringComparer.Ordinal);
    private IScheduler? _scheduler;
    private int _triggers;

    public async Task StartAsync(DateTimeOffset now, CancellationToken cancellation = default)
    {
        var calendar = holidays();
        foreach (var job in settings.Jobs) _rules[job.Name] = JobRule.From(job, calendar, zone);
        _scheduler = await QuartzSchedulerBuilder.Create(q => q.UseDefaultThreadPool(1)).BuildScheduler(cancellation);
        _scheduler.Context[ContextKey] = this;
        foreach (var job in settings.Jobs)
            await _scheduler.AddJob(JobBuilder.Create<QuartzPipelineJob>().WithIdentity(job.Name).StoreDurably(true).Build(), new AddJobOptions { Replace = true }, cancellation);

        // What a previous process left undone: runs it died in, and a refresh owed by a load it committed.
        var owedRefresh = false;
        if (recover?.Invoke() is var (interrupted, refreshOwed))
        {
            if (interrupted > 0) log.LogWarning("{Interrupted} job run(s) left running by a process that ended marked interrupted", interrupted);
            if (refreshOwed && settings.Jobs.Any(j => j.Kind == "refresh"))
            {
                log.LogInformation("a load was committed after the last refresh: refreshing now");
                owedRefresh = true;
                foreach (var job in settings.Jobs.Where(j => j.Kind == "refresh")) await Trigger(job.Name, "owed", null, cancellation);
            }
        }

        foreach (var job in settings.Jobs)
        {
            var rule = _rules[job.Name];
            if (owedRefresh && job.Kind == "refresh")
            {
                if (rule.NextAfter(now) is { } due) await Schedule(job.Name, due, cancellation);
                continue;
            }
            if (rule.LastAtOrBefore(now) is { } last && hasHistory(job.Name) && !covered(job.Name, last))
            {
                log.LogWarning("job {Job} was due at {Due} while the host was down: running it once now", job.Name, last.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
                await Trigger(job.Name, "misfire", last, cancellation);
            }
            else if (job.RunAtStart) await Trigger(job.Name, "start", null, cancellation);
            if (rule.NextAfter(now) is { } next) await Schedule(job.Name, next, cancellation);
        }
        await _scheduler.Start(cancellation);
    }

    /// <summary>When each job is next due.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> NextDue(DateTimeOffset now) =>
        settings.Jobs.ToDictionary(j => j.Name, j => _rules[j.Name].NextAfter(now), StringComparer.Ordinal);

    /// <summary>Asks the job to run now (after the one running, if any).</summary>
    public ValueTask Trigger(string job, string trigger, DateTimeOffset? planned, CancellationToken cancellation = default) =>
        AddTrigger(job, trigger, planned, null, cancellation);

    private ValueTask Schedule(string job, DateTimeOffset at, CancellationToken cancellation) =>
        AddTrigger(job, "schedule", at, at, cancellation);

    private async ValueTask AddTrigger(string job, string trigger, DateTimeOffset? planned, DateTimeOffset? at, CancellationToken cancellation)
    {
        var builder = TriggerBuilder.Create(TimeProvider.System)
            .WithIdentity($"{job}-{trigger}-{Interlocked.Increment(ref _triggers)}")
            .ForJob(job)
            .UsingJobData("trigger", trigger)
            .UsingJobData("planned", planned?.ToString("O", CultureInfo.InvariantCulture) ?? "");
        builder = at is { } when ? builder.StartAt(when) : builder.StartNow();
        await _scheduler!.ScheduleJob(builder.Build(), new ScheduleJobOptions(), cancellation);
    }

    internal async ValueTask Fire(IJobExecutionContext context)
    {
        var name = context.JobDetail.Key.Name;
        var job = settings.Jobs.Single(j => j.Name == name);
        var trigger = context.MergedJobDataMap["trigger"] as string ?? "schedule";
        var plannedText = context.MergedJobDataMap["planned"] as string ?? "";
        DateTimeOffset? planned = plannedText.Length > 0 ? DateTimeOffset.Parse(plannedText, CultureInfo.InvariantCulture) : null;
        var chained = new List<string>();
        await runner.RunAsync(job, trigger, planned, _shutdown.Token, kind => chained.Add(kind));
        if (_shutdown.IsCancellationRequested) return;
        foreach (var kind in chained)
            foreach (var next in settings.Jobs.Where(j => j.Kind == kind))
                await Trigger(next.Name, "chained", null);
        if (trigger == "schedule" && planned is { } p && _rules[name].NextAfter(p) is { } following)
            await Schedule(name, following, CancellationToken.None);
    }

    /// <summary>Clean shutdown: a running load is abandoned (rolled back), any other job finishes; nothing new starts.</summary>
    public async Task StopAsync()
    {
        if (_scheduler is null) return;
        await _shutdown.CancelAsync();
        await _scheduler.Standby(CancellationToken.None);
        await _scheduler.Shutdown(true, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _shutdown.Dispose();
    }

    /// <summary>The Quartz job: hands the firing to the scheduler that owns it.</summary>
    [DisallowConcurrentExecution]
    public sealed class QuartzPipelineJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            ((PipelineScheduler)context.Scheduler.Context[ContextKey]!).Fire(context);
    }
}
