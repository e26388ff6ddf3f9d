using O2C.Analytics.Pipeline;
using O2C.Analytics.Analyst;
using O2C.Analytics.Mail;
using O2C.Analytics.Schedule;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;
using Xunit.Abstractions;

namespace O2C.Analytics.Tests.Reliability;

/// <summary>
/// Twenty `o2c sql` processes while the scheduler's refresh job rewrites the warehouse: DuckDB lets one process write
/// a file while no other has it open, so each reader either answers (having waited for the job) or, with no wait
/// allowed, gets the documented busy message and exit code 3; the job retries while readers hold the file and
/// completes; source rows and KPI values are exactly as before.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class ConcurrentReadersTests(SamplePackFixture run, ITestOutputHelper output)
{
    private const int Readers = 20;

    [Fact]
    public async Task Twenty_readers_during_a_scheduled_refresh_answer_or_are_told_to_wait_and_nothing_is_lost()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-readers-").FullName;
        try
        {
            var path = run.CopyWarehouseTo(folder);
            IReadOnlyDictionary<string, string> sourcesBefore;
            string kpisBefore;
            long documents, auditBefore;
            using (var w = O2C.Analytics.Storage.Warehouse.Open(path))
            {
                sourcesBefore = WarehouseState.Of(w);
                kpisBefore = KpiContent(w);
                documents = w.Scalar<long>("SELECT count(*) FROM documents");
                auditBefore = w.Scalar<long>("SELECT max(entry_id) FROM audit_log");
                // Nothing changed since the run's refresh: forgetting what it was built through makes this one a full
                // rebuild, seconds of writing for the readers to meet.
                w.Execute("DELETE FROM refresh_state");
            }

            var jobs = new PipelineJobs(new PipelineSteps(SqlFolder.Default(), new OutputPaths(Path.Combine(folder, "reports"), path), "USD",
                new SpcOptions(12), new MailSettings(), SlaCatalog.Defaults));
            var settings = new ScheduleSettings { Attempts = 10, RetryDelaySeconds = 0.5 };
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var runner = new ScheduledJobRunner(path, SqlFolder.Default(), jobs.Kinds, settings, new LineLogger(log.Enqueue));
            // On its own thread, as the scheduler's worker runs it (the job's work is synchronous).
            var refresh = Task.Run(() => runner.RunAsync(new ScheduledJobSettings { Name = "nightly-refresh", Kind = "refresh" }, "schedule", DateTimeOffset.Now, CancellationToken.None, _ => { }));

            // Half wait as long as it takes; half will not wait at all.
            var readers = new List<Task<(int Exit, string Output, string Error, bool Waits)>>();
            for (var i = 0; i < Readers; i++)
            {
                var waits = i % 2 == 0;
                readers.Add(Task.Run(() => Query(folder, path, waits)));
                await Task.Delay(250);
            }
            var results = await Task.WhenAll(readers);
            Assert.Equal("succeeded", await refresh);

            var answered = results.Count(r => r.Exit == 0);
            var busy = results.Count(r => r.Exit == AnalystSql.Busy);
            Assert.Equal(Readers, answered + busy);
            Assert.All(results.Where(r => r.Exit == 0), r => Assert.Equal($"n\n{documents}", r.Output.Trim()));
            Assert.All(results.Where(r => r.Exit == AnalystSql.Busy), r =>
            {
                Assert.False(r.Waits);
                // The console wraps long lines; the words are what the analyst reads.
                var said = System.Text.RegularExpressions.Regex.Replace(r.Output + r.Error, @"\s+", " ");
                Assert.StartsWith("error: the warehouse o2c.duckdb is being written by another process", said);
                Assert.Contains("try again when it finishes, or pass --wait SECONDS", said);
            });
            Assert.All(results.Where(r => r.Waits), r => Assert.Equal(0, r.Exit));

            using (var w = O2C.Analytics.Storage.Warehouse.Open(path))
            {
                // Source rows and the load ledger untouched; the audit log gained nothing: no fact changed, so the
                // refresh kept the scores it had (PipelineSteps.Score).
                Assert.Equal(sourcesBefore.Where(kv => kv.Key != "audit_log").OrderBy(kv => kv.Key), WarehouseState.Of(w).Where(kv => kv.Key != "audit_log").OrderBy(kv => kv.Key));
                Assert.Empty(w.Query("SELECT action FROM audit_log WHERE entry_id > $n ORDER BY entry_id", r => r.GetString(0), ("n", auditBefore)));
                Assert.Equal(kpisBefore, KpiContent(w));
                Assert.Equal("succeeded", w.Scalar<string>("SELECT status FROM job_runs WHERE job = 'nightly-refresh' ORDER BY run_id DESC LIMIT 1"));
            }
            var retries = log.Count(l => l.Contains("retrying", StringComparison.Ordinal));
            output.WriteLine($"{Readers} readers during the refresh: {answered} answered ({results.Count(r => r.Exit == 0 && !r.Waits)} of them without waiting), {busy} told the warehouse was busy; the refresh retried {retries} time(s) while readers held the file and succeeded");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string KpiContent(O2C.Analytics.Storage.Warehouse w) =>
        w.Scalar<string>("SELECT count(*) || ':' || sum(hash(kpi_id, period_end, dimension, member, numerator, denominator, value)) FROM kpi_values")!;

    private static (int, string, string, bool) Query(string folder, string path, bool waits)
    {
        var (exit, stdout, stderr) = Cli.CliProcess.Run(folder, "sql", "SELECT count(*) AS n FROM documents", "--format", "csv", "--db", path, "--wait", waits ? "600" : "0");
        return (exit, stdout, stderr, waits);
    }
}
