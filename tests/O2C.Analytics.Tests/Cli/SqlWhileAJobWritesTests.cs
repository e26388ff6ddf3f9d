using O2C.Analytics.Load;
using O2C.Analytics.Schedule;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Cli;

/// <summary>
/// `o2c sql` (a real process) while a scheduled job holds the warehouse for writing. The job runs through the
/// scheduler's own runner in this process and holds the file until the test releases it, so "the job is still
/// writing" is a fact the test controls, not a race against a load's speed.
/// </summary>
public sealed class SqlWhileAJobWritesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-sql-busy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task O2c_sql_says_the_warehouse_is_busy_or_waits_for_the_job_and_sees_its_whole_load()
    {
        var path = Path.Combine(_folder, "o2c.duckdb");
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var kinds = new Dictionary<string, JobWork>
        {
            ["load"] = c =>
            {
                holding.Set();
                release.Wait();
                return new JobOutcome(new CanonicalLoader(c.Warehouse).LoadFolder(RepoPaths.DataSamples, null, c.Cancellation).RowsLoaded);
            },
        };
        var runner = new ScheduledJobRunner(path, SqlFolder.Default(), kinds, new ScheduleSettings(), LineLogger.None);
        var job = Task.Run(() => runner.RunAsync(new ScheduledJobSettings { Name = "load", Kind = "load" }, "test", null, CancellationToken.None, _ => { }));
        Assert.True(holding.Wait(TimeSpan.FromMinutes(2)), "the job never started");

        // No waiting: one clear line, exit code 3.
        var (exit, output, error) = CliProcess.Run(_folder, "sql", "select count(*) as n from documents", "--format", "csv", "--wait", "0");
        Assert.Equal(3, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: the warehouse o2c.duckdb is being written by another process", error.Trim());
        Assert.Contains("try again when it finishes, or pass --wait SECONDS", error);
        Assert.Single(error.Trim().Split('\n'));

        // Waiting: the reader says it waits, the job is then let go, and the query runs once the job has closed
        // the warehouse, seeing the whole load (127,291 documents in the bundled sample, 3,386 of them opening items), never a part of it.
        using (var waiting = new CliHost(_folder, "sql", "select count(*) as n from documents", "--format", "csv", "--wait", "600"))
        {
            waiting.WaitForLine("waiting up to");
            Assert.False(job.IsCompleted);
            release.Set();
            Assert.Equal(0, waiting.WaitForExit());
            Assert.Equal(new[] { "n", "127293" }, waiting.Lines.Where(l => !l.Contains("waiting up to", StringComparison.Ordinal)));
        }
        Assert.Equal("succeeded", await job);
    }
}
