using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Cli;

/// <summary>`o2c schedule` as a real process: SIGTERM in the middle of a load. (`o2c sql` while a job writes: SqlWhileAJobWritesTests.)</summary>
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
            // Inside the load's transaction: the small files are in, the large ones still to come; SIGTERM is
            // checked before each file and once more just before the commit, with seconds of work still ahead.
            host.WaitForLine("job load: loading documents.csv.gz");
            Assert.Equal(0, host.Terminate());
            Assert.Contains(host.Lines, l => l.Contains("job load abandoned at shutdown", StringComparison.Ordinal));
            Assert.Contains(host.Lines, l => l.EndsWith("scheduler stopped", StringComparison.Ordinal));
        }
        Assert.Equal("n\n0", Sql("select count(*) as n from documents", 0, out _, out _));
        Assert.Equal("n\n0", Sql("select count(*) as n from loads", 0, out _, out _));
        Assert.Equal("status\nabandoned", Sql("select status from job_runs", 0, out _, out _));
    }
}
