namespace O2C.Analytics.Schedule;

/// <summary>What a job gets: the warehouse (open for the job's length), its settings, the shutdown signal, and a way to chain a job.</summary>
public sealed record JobContext(Warehouse.Warehouse Warehouse, ScheduledJobSettings Job, CancellationToken Cancellation, Action<string> Chain);

/// <summary>What a job did: rows loaded and files written.</summary>
public sealed record JobOutcome(long? RowsLoaded = null, IReadOnlyList<string>? Outputs = null);

/// <summary>The work of one kind of job.</summary>
public delegate JobOutcome JobWork(JobContext context);

/// <summary>A failure worth retrying: the same attempt may well succeed in a moment.</summary>
public sealed class TransientJobException(string message, Exception? inner = null) : Exception(message, inner);
