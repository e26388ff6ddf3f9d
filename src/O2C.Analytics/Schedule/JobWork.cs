using Microsoft.Extensions.Logging;
using O2C.Analytics.Storage;
namespace O2C.Analytics.Schedule;

/// <summary>
/// What a job gets: the warehouse (open for the job's length), its settings, the shutdown signal, a way to chain a
/// job, and the host's log for its steps (which file a load is on), so an operator reading the log sees where it is.
/// <paramref name="Prepared"/>: what the kind's preparation read before the warehouse was opened, if it has one.
/// </summary>
public sealed record JobContext(Warehouse Warehouse, ScheduledJobSettings Job, CancellationToken Cancellation, Action<string> Chain,
    IProgress<string> Steps, object? Prepared = null);

/// <summary>A job's steps written to the host's log as they happen; synchronous, so the log keeps the work's order.</summary>
public sealed class JobSteps(string jobName, ILogger log) : IProgress<string>
{
    public void Report(string value) => log.LogInformation("job {Job}: {Step}", jobName, value);
}

/// <summary>What a job did: rows loaded and files written.</summary>
public sealed record JobOutcome(long? RowsLoaded = null, IReadOnlyList<string>? Outputs = null);

/// <summary>The work of one kind of job.</summary>
public delegate JobOutcome JobWork(JobContext context);

/// <summary>Work a kind of job does before the warehouse is opened (parsing bank files), so it never holds the lock.</summary>
public delegate object? JobPreparation(ScheduledJobSettings job, IProgress<string> steps);

/// <summary>A failure worth retrying: the same attempt may well succeed in a moment.</summary>
public sealed class TransientJobException(string message, Exception? inner = null) : Exception(message, inner);
