using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Schedule;

/// <summary>
/// Runs one job: opens the warehouse for the job's length only, records each attempt in job_runs, retries a
/// transient failure with back-off, reports a permanent one. One job at a time, whatever triggered it. A load
/// sees the shutdown signal and rolls back; other jobs (rebuilds of derived tables) run to their end.
/// </summary>
public sealed class ScheduledJobRunner(
    string warehousePath,
    SqlFolder sql,
    IReadOnlyDictionary<string, JobWork> kinds,
    ScheduleSettings settings,
    ILogger log,
    Action<string, string>? alert = null,
    string? configuration = null,
    IReadOnlyDictionary<string, JobPreparation>? preparations = null)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Kinds whose work is one transaction, so abandoning it on shutdown leaves the warehouse as it was.</summary>
    public static readonly IReadOnlySet<string> Abandonable = new HashSet<string>(StringComparer.Ordinal) { "load", "extract" };

    public async Task<string> RunAsync(ScheduledJobSettings job, string trigger, DateTimeOffset? planned, CancellationToken shutdown, Action<string> chain)
    {
        if (!kinds.TryGetValue(job.Kind, out var work)) throw new ArgumentException($"job {job.Name}: unknown kind '{job.Kind}' (one of {string.Join(", ", kinds.Keys)})");
        await _oneAtATime.WaitAsync(CancellationToken.None);
        using var auditAs = Audit.AuditLog.RunAs($"o2c schedule: job {job.Name} ({trigger})");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (shutdown.IsCancellationRequested && attempt > 1) return "abandoned";
                Warehouse? warehouse = null;
                long runId = 0;
                IDisposable? runScope = null;
                try
                {
                    var steps = new JobSteps(job.Name, log);
                    object? prepared = null;
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo? preparationFailed = null;
                    try
                    {
                        prepared = preparations?.GetValueOrDefault(job.Kind)?.Invoke(job, steps);
                    }
                    catch (Exception e)
                    {
                        // Raised once the run is recorded, so job_runs shows the failure like any other.
                        preparationFailed = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                    }
                    warehouse = OpenForJob();
                    runId = JobRunLog.Start(warehouse, job.Name, job.Kind, trigger, planned, attempt);
                    runScope = JobLogScope.Begin(log, runId, job.Name);
                    preparationFailed?.Throw();
                    if (attempt == 1) log.LogInformation("job {Job} started ({Trigger})", job.Name, trigger);
                    else log.LogInformation("job {Job} started ({Trigger}, attempt {Attempt})", job.Name, trigger, attempt);
                    var token = Abandonable.Contains(job.Kind) ? shutdown : CancellationToken.None;
                    var outcome = work(new JobContext(warehouse, job, token, chain, steps, prepared));
                    JobRunLog.Finish(warehouse, runId, "succeeded", outcome.RowsLoaded, outcome.Outputs is { Count: > 0 } o ? string.Join(";", o) : null);
                    log.LogInformation("job {Job} succeeded", job.Name);
                    return "succeeded";
                }
                catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
                {
                    if (warehouse is not null && runId > 0)
                        JobRunLog.Finish(warehouse, runId, "abandoned", error: "the host shut down during the job; its changes were rolled back");
                    log.LogWarning("job {Job} abandoned at shutdown; the warehouse is as it was before it", job.Name);
                    return "abandoned";
                }
                catch (Exception e) when (IsTransient(e) && attempt < settings.Attempts)
                {
                    if (warehouse is not null && runId > 0) JobRunLog.Finish(warehouse, runId, "failed (retried)", error: e.Message);
                    var delay = TimeSpan.FromSeconds(settings.RetryDelaySeconds * Math.Pow(2, attempt - 1));
                    log.LogWarning("job {Job} failed (attempt {Attempt} of {Attempts}), retrying in {DelaySeconds} s: {Error}", job.Name, attempt, settings.Attempts, Math.Round(delay.TotalSeconds, 1), FirstLine(e.Message));
                    warehouse?.Dispose();
                    warehouse = null;
                    try { await Task.Delay(delay, shutdown); }
                    catch (OperationCanceledException) { return "abandoned"; }
                }
                catch (Exception e)
                {
                    if (warehouse is not null && runId > 0) JobRunLog.Finish(warehouse, runId, "failed", error: e.Message);
                    log.LogError("job {Job} failed: {Error}", job.Name, FirstLine(e.Message));
                    alert?.Invoke(job.Name, e.Message);
                    return "failed";
                }
                finally
                {
                    runScope?.Dispose();
                    warehouse?.Dispose();
                }
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>A warehouse held by another process (an analyst's query, a manual load) is a transient failure.</summary>
    private Warehouse OpenForJob()
    {
        try
        {
            return WarehouseSetup.OpenMigrated(warehousePath, sql, configuration);
        }
        catch (DuckDBException e) when (Warehouse.IsLockConflict(e))
        {
            throw new TransientJobException($"the warehouse is open in another process: {FirstLine(e.Message)}", e);
        }
    }

    public static bool IsTransient(Exception e) => e is TransientJobException or TimeoutException or IOException
        || Warehouse.IsLockConflict(e);

    private static string FirstLine(string s) => s.Split('\n')[0];
}
