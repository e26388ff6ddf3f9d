using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Cli;

/// <summary>`o2c schedule` as a real process: SIGTERM in the middle of a load, and an analyst's `o2c sql` while a job writes.</summary>
public sealed class ScheduleProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-schedule-").FullName;

    public ScheduleProcessTests() =>
        // A load of the bundled sample (446k rows, a few seconds) when the host starts.
        File.WriteAllText(Path.Combine(_folder, "o2c.json"), $$"""
            { "Schedule": { "Jobs": [ { "Name": "load", "Kind": "load", "Source": "{{RepoPaths.DataSamples}}", "RunAtStart": true, "Cron": "0 0 6 * * ?" } ] } }
            """);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Sql(string query, int wait, out int exit, out string error)
    {
        var result = CliProcess.Run(_folder, "sql", query, "--format", "csv", "--wait", wait.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (exit, error) = (result.ExitCode, result.Error);
        return result.Output.Replace("\r", "", StringComparison.Ordinal).Trim();
    }

    [Fact]
    public void Sigterm_during_a_load_leaves_the_warehouse_as_before_the_load()
    {
        using (var host = new CliHost(_folder, "schedule"))
        {
            host.WaitForLine("job load started");
            Thread.Sleep(800); // inside the load, well before its end
            Assert.Equal(0, host.Terminate());
            Assert.Contains(host.Lines, l => l.Contains("job load abandoned at shutdown", StringComparison.Ordinal));
            Assert.Contains(host.Lines, l => l.EndsWith("scheduler stopped", StringComparison.Ordinal));
        }
        Assert.Equal("n\n0", Sql("select count(*) as n from documents", 0, out _, out _));
        Assert.Equal("n\n0", Sql("select count(*) as n from loads", 0, out _, out _));
        Assert.Equal("status\nabandoned", Sql("select status from job_runs", 0, out _, out _));
    }

    [Fact]
    public void While_a_job_writes_o2c_sql_says_the_warehouse_is_busy_or_waits_for_it_as_documented()
    {
        using var host = new CliHost(_folder, "schedule");
        host.WaitForLine("job load started");
        // No waiting: one clear line, exit code 3, nothing changed.
        var busy = Sql("select count(*) as n from documents", 0, out var exit, out _);
        Assert.Equal(3, exit);
        Assert.Contains("is being written by another process", busy);
        // Waiting: the query runs as soon as the job has closed the warehouse, and sees the whole load.
        var waited = Sql("select count(*) as n from documents", 120, out exit, out var waiting);
        Assert.Equal(0, exit);
        Assert.Equal("n\n125795", waited);
        Assert.Contains("waiting up to", waiting);
        host.WaitForLine("job load succeeded");
        Assert.Equal(0, host.Terminate());
    }
}
