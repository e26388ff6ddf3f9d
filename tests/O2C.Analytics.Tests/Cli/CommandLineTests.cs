using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Cli;

public class CommandLineTests
{
    [Theory]
    [InlineData("run", "--data")]
    [InlineData("generate", "--customers")]
    [InlineData("load", "folder")]
    [InlineData("refresh", "--db")]
    [InlineData("pack", "--month")]
    [InlineData("migrate", "--db")]
    [InlineData("extract", "--sources")]
    [InlineData("match", "--threshold")]
    [InlineData("kpi", "--dimension")]
    [InlineData("spc", "--month")]
    [InlineData("predict", "worklist")]
    public void Every_command_has_help(string command, string mentions)
    {
        var (exit, output, _) = CliProcess.Run(RepoPaths.Root, command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains(mentions, output);
    }

    [Fact]
    public void Load_of_an_unreadable_folder_prints_one_line_and_exits_non_zero()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", "customer_id;customer_name", "C1;X");
        var (exit, output, _) = CliProcess.Run(w.Folder, "load", w.Sources, "--db", Path.Combine(w.Folder, "cli.duckdb"));
        Assert.Equal(2, exit);
        Assert.Contains("load failed, nothing was loaded: customers.csv: wrong delimiter", output);
    }

    [Fact]
    public void Load_of_the_dirty_sample_reports_rejects_by_reason()
    {
        using var w = new TempWarehouse();
        var (exit, output, _) = CliProcess.Run(w.Folder, "load", RepoPaths.DirtySamples, "--db", Path.Combine(w.Folder, "cli.duckdb"));
        Assert.Equal(0, exit);
        Assert.Contains("application_exceeds_receipt", output);
        Assert.Contains("15 rejected", output);
    }
}
