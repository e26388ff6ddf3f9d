using System.Text.Json;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Cli;

/// <summary>`o2c schedule` as a real process: SIGTERM in the middle of a load. (`o2c sql` while a job writes: SqlWhileAJobWritesTests.)</summary>
public sealed class ScheduleProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-schedule-").FullName;

    public ScheduleProcessTests()
    {
        // The bundled sample (446k rows) and a second copy of its receipts, applications and collection activities,
        // whose rows are all duplicates: about 9 s of the load's transaction still to come when documents.csv.gz
        // starts, against 3.7 s with the sample alone, which a faster load had let commit before the signal came.
        var sources = Directory.CreateDirectory(Path.Combine(_folder, "sources")).FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.DataSamples, "*.csv.gz"))
            File.CreateSymbolicLink(Path.Combine(sources, Path.GetFileName(file)), file);
        foreach (var entity in new[] { "receipts", "applications", "collection_activities" })
            File.CreateSymbolicLink(Path.Combine(sources, $"{entity}-again.csv.gz"), Path.Combine(RepoPaths.DataSamples, $"{entity}.csv.gz"));
        File.WriteAllText(Path.Combine(_folder, "o2c.json"), $$"""
            { "Logging": { "File": "logs/o2c.log" }, "Schedule": { "Jobs": [ { "Name": "load", "Kind": "load", "Source": "{{sources}}", "RunAtStart": true, "Cron": "0 0 6 * * ?" } ] } }
            """);
    }

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
            // A health check while a job has the warehouse open (and locked): the heartbeat says the host is alive.
            // First, so that starting a process takes none of the time the signal below has.
            host.WaitForLine("job load: reading ");
            var health = CliProcess.Run(_folder, "health");
            Assert.Equal(0, health.ExitCode);
            Assert.StartsWith("scheduler alive: last heartbeat ", health.Output);
            // Inside the load's transaction: the small files are in, the large ones still to come; SIGTERM is
            // checked before each file and once more just before the commit, with seconds of work still ahead.
            host.WaitForLine("job load: loading documents.csv.gz");
            Assert.Equal(0, host.Terminate());
            // Not a terminal: every line is a JSON object with its level, and a job's lines carry its run id.
            var entries = host.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var abandoned = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("job load abandoned at shutdown", StringComparison.Ordinal));
            Assert.Equal("Warning", abandoned.GetProperty("LogLevel").GetString());
            Assert.Equal(1, abandoned.GetProperty("Scopes")[0].GetProperty("JobRunId").GetInt64());
            Assert.Contains(entries, e => e.GetProperty("Message").GetString() == "job load: loading documents.csv.gz" && e.GetProperty("Scopes")[0].GetProperty("JobRunId").GetInt64() == 1);
            Assert.Equal("scheduler stopped", entries[^1].GetProperty("Message").GetString());
        }
        // The same lines in the daily log file, as JSON with the run id (Serilog's compact JSON quotes text values in @m).
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "logs"), "o2c*.log"));
        var logged = File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(logged, e => e.GetProperty("@m").GetString() == "job \"load\" abandoned at shutdown; the warehouse is as it was before it"
            && e.GetProperty("@l").GetString() == "Warning" && e.GetProperty("JobRunId").GetInt64() == 1);
        // Stopped: the health check fails, saying why.
        var stopped = CliProcess.Run(_folder, "health");
        Assert.Equal(1, stopped.ExitCode);
        Assert.StartsWith("error: no scheduler is running for ", stopped.Error);
        Assert.Equal("n\n0", Sql("select count(*) as n from documents", 0, out _, out _));
        Assert.Equal("n\n0", Sql("select count(*) as n from loads", 0, out _, out _));
        Assert.Equal("status\nabandoned", Sql("select status from job_runs", 0, out _, out _));
    }
}
