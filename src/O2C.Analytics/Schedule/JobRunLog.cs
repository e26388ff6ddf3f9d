using O2C.Analytics.Storage;
namespace O2C.Analytics.Schedule;

/// <summary>A job run as job_runs records it.</summary>
public sealed record JobRun(long RunId, string Job, string Kind, string Trigger, DateTime? PlannedStart, DateTime ActualStart,
    DateTime? FinishedAt, int Attempt, string Status, long? RowsLoaded, string? Outputs, string? Error);

/// <summary>The run history in the warehouse (job_runs): every attempt of every job, written as it starts and ends.</summary>
public static class JobRunLog
{
    public static long Start(Warehouse warehouse, string job, string kind, string trigger, DateTimeOffset? planned, int attempt)
    {
        var id = (warehouse.Scalar<long?>("SELECT max(run_id) FROM job_runs") ?? 0) + 1;
        warehouse.Execute("INSERT INTO job_runs VALUES ($id, $job, $kind, $trigger, $planned, $start, NULL, $attempt, 'running', NULL, NULL, NULL)",
            ("id", id), ("job", job), ("kind", kind), ("trigger", trigger), ("planned", planned?.UtcDateTime), ("start", DateTime.UtcNow), ("attempt", attempt));
        return id;
    }

    public static void Finish(Warehouse warehouse, long runId, string status, long? rows = null, string? outputs = null, string? error = null) =>
        warehouse.Execute("UPDATE job_runs SET finished_at = $end, status = $status, rows_loaded = $rows, outputs = $outputs, error = $error WHERE run_id = $id",
            ("end", DateTime.UtcNow), ("status", status), ("rows", rows), ("outputs", outputs), ("error", error), ("id", runId));

    public static IReadOnlyList<JobRun> Read(Warehouse warehouse, int limit = 1000) =>
        warehouse.Query("SELECT * FROM job_runs ORDER BY run_id DESC LIMIT $n", r => new JobRun(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetDateTime(4), r.GetDateTime(5),
            r.IsDBNull(6) ? null : r.GetDateTime(6), r.GetInt32(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetInt64(9),
            r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11)), ("n", limit));

    /// <summary>Whether a run of the job started for the planned time (or later) succeeded or is running.</summary>
    public static bool Covered(Warehouse warehouse, string job, DateTimeOffset planned) =>
        warehouse.Scalar<long>("SELECT count(*) FROM job_runs WHERE job = $job AND status IN ('succeeded', 'running') AND (planned_start >= $p OR actual_start >= $p)",
            ("job", job), ("p", planned.UtcDateTime)) > 0;

    /// <summary>
    /// Runs left "running" by a process that died (killed, crashed, power cut) become "interrupted". Called at
    /// start-up with the warehouse open for writing: DuckDB lets one process write, so no other process is running
    /// a job on it now, and every "running" row is a dead one.
    /// </summary>
    public static int MarkInterrupted(Warehouse warehouse) =>
        warehouse.Execute("""
            UPDATE job_runs SET status = 'interrupted', finished_at = $now,
                error = 'the process running this job ended before it finished (killed or crashed); found at the next start'
            WHERE status = 'running'
            """, ("now", DateTime.UtcNow));

    public static bool HasHistory(Warehouse warehouse, string job) =>
        warehouse.Scalar<long>("SELECT count(*) FROM job_runs WHERE job = $job", ("job", job)) > 0;
}
