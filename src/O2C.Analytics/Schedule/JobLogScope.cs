using System.Collections;
using Microsoft.Extensions.Logging;

namespace O2C.Analytics.Schedule;

/// <summary>The log scope of one job run: every line written during it carries the run's id (job_runs.run_id) and job name.</summary>
public sealed class JobLogScope(long runId, string job) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string RunIdKey = "JobRunId";
    public const string JobKey = "Job";

    public static IDisposable? Begin(ILogger log, long runId, string job) => log.BeginScope(new JobLogScope(runId, job));

    private KeyValuePair<string, object?>[] Pairs => [new(RunIdKey, runId), new(JobKey, job)];

    public KeyValuePair<string, object?> this[int index] => Pairs[index];

    public int Count => 2;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"job {job} run {runId}";
}
