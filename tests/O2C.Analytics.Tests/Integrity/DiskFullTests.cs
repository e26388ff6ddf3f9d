using System.Diagnostics;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>Runs only where the test may mount a small tmpfs (root on Linux, as here and in CI); says why otherwise.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") Skip = "needs root on Linux to mount a small tmpfs (a full disk)";
    }
}

/// <summary>
/// Issue 16: a full disk at commit ended in an unhandled exception and a stack trace (the warehouse stayed intact).
/// The warehouse sits on a 12 MiB tmpfs holding the reference data; loading the whole sample fills it.
/// </summary>
public sealed class DiskFullTests
{
    private static int Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    [SmallDiskFact]
    public void A_full_disk_is_one_line_and_the_warehouse_keeps_its_last_committed_state()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-diskfull-").FullName;
        var disk = Directory.CreateDirectory(Path.Combine(folder, "disk")).FullName;
        var reference = Directory.CreateDirectory(Path.Combine(folder, "reference")).FullName;
        Assert.Equal(0, Run("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", disk));
        try
        {
            foreach (var name in new[] { "customers.csv.gz", "fx_rates.csv.gz" })
                File.Copy(Path.Combine(RepoPaths.DataSamples, name), Path.Combine(reference, name));
            var db = Path.Combine(disk, "o2c.duckdb");
            Assert.Equal(0, CliProcess.Run(folder, "load", reference, "--db", db).ExitCode);

            var (exit, output, error) = CliProcess.Run(folder, "load", RepoPaths.DataSamples, "--db", db);

            Assert.NotEqual(0, exit);
            Assert.DoesNotContain("Unhandled exception", error + output, StringComparison.Ordinal);
            var line = Assert.Single(CliProcess.UserLines(error));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.Contains("the disk holding the warehouse is full (No space left on device): nothing was committed", line, StringComparison.Ordinal);
            // The next command opens the warehouse as the first load left it.
            var (readExit, counts, _) = CliProcess.Run(folder, "sql", "--db", db, "select (select count(*) from customers) || '/' || (select count(*) from documents) || '/' || (select count(*) from loads) as state", "--format", "csv");
            Assert.Equal(0, readExit);
            Assert.Equal("state\n2000/0/1", counts.Trim().Replace("\r", "", StringComparison.Ordinal));
        }
        finally
        {
            Run("umount", disk);
            Directory.Delete(folder, recursive: true);
        }
    }
}
