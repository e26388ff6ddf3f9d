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
    [InlineData("explain", "--member")]
    [InlineData("aging", "--as-of")]
    [InlineData("spc", "--month")]
    [InlineData("predict", "worklist")]
    [InlineData("purge", "--before")]
    [InlineData("audit", "--last")]
    public void Every_command_has_help(string command, string mentions)
    {
        var (exit, output, _) = CliProcess.Run(RepoPaths.Root, command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains(mentions, output);
    }

    [Fact]
    public void Purge_and_audit_from_the_command_line_record_check_and_report_a_tampered_log()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", CanonicalFiles.Customers, CanonicalFiles.Customer("C1"));
        w.Write("documents.csv", CanonicalFiles.Documents, CanonicalFiles.Invoice("INV-1", "C1", "2023-01-05", "2023-02-04", "100.00"));
        w.Write("receipts.csv", CanonicalFiles.Receipts, "R-1,C1,2023-02-01,2023-02-01,100.00,USD,wire,,");
        w.Write("applications.csv", CanonicalFiles.Applications, "A-1,R-1,INV-1,2023-02-01,100.00,auto");
        var db = Path.Combine(w.Folder, "cli.duckdb");
        Assert.Equal(0, CliProcess.Run(w.Folder, "load", w.Sources, "--db", db).ExitCode);

        // The error on standard error, nothing on standard output.
        Assert.Equal((2, "", "error: --before must be a date in yyyy-MM-dd form, not '2024-13-01'"),
            Trimmed(CliProcess.Run(w.Folder, "purge", "--before", "2024-13-01", "--db", db)));
        var (exit, output, _) = CliProcess.Run(w.Folder, "purge", "--before", "2024-01-01", "--db", db);
        Assert.Equal(0, exit);
        // The paid invoice, its payment and the application: 3 rows.
        Assert.Contains("3 rows removed, recorded in the purges table and the audit log", output);

        (exit, output, _) = CliProcess.Run(w.Folder, "audit", "--db", db);
        Assert.Equal(0, exit);
        // The configuration (recorded once, unchanged since), the load, the purge; the bad date changed nothing.
        Assert.Contains("audit log intact: 3 entries", output);
        using (var tamper = O2C.Analytics.Storage.Warehouse.Open(db))
            tamper.Execute("UPDATE audit_log SET detail = 'nothing happened' WHERE action = 'purge'");
        (exit, output, _) = CliProcess.Run(w.Folder, "audit", "--db", db);
        Assert.Equal(5, exit);
        Assert.Contains("audit log BROKEN at entry", output);
    }

    private static (int, string, string) Trimmed((int Exit, string Output, string Error) r) => (r.Exit, r.Output.Trim(), r.Error.Trim());

    [Fact]
    public void Load_of_an_unreadable_folder_prints_one_line_and_exits_non_zero()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", "customer_id;customer_name", "C1;X");
        var (exit, _, error) = CliProcess.Run(w.Folder, "load", w.Sources, "--db", Path.Combine(w.Folder, "cli.duckdb"));
        Assert.Equal(2, exit);
        var line = Assert.Single(CliProcess.UserLines(error));
        Assert.StartsWith("error: load failed, nothing was loaded: customers.csv: wrong delimiter", line);
    }

    [Fact]
    public void Load_of_the_dirty_sample_reports_rejects_by_reason_and_exits_5_unless_accepted()
    {
        using var w = new TempWarehouse();
        var (exit, output, error) = CliProcess.Run(w.Folder, "load", RepoPaths.DirtySamples, "--db", Path.Combine(w.Folder, "cli.duckdb"));
        Assert.Contains("application_exceeds_receipt", output);
        Assert.Contains("15 rejected", output);
        // The good rows are in; so many rejects are not a success without saying so.
        Assert.Equal(ExitCodes.Incomplete, exit);
        var line = Assert.Single(CliProcess.UserLines(error));
        Assert.Matches(@"^error: [0-9,]+ of [0-9,]+ rows rejected \([0-9]+ %, more than the 5 % allowed by MaxRejectedShare\)", line);
        // Loading the same files again changes nothing and rejects nothing new: exit 0.
        Assert.Equal(0, CliProcess.Run(w.Folder, "load", RepoPaths.DirtySamples, "--db", Path.Combine(w.Folder, "cli.duckdb")).ExitCode);

        using var again = new TempWarehouse();
        Assert.Equal(0, CliProcess.Run(again.Folder, "load", RepoPaths.DirtySamples, "--db", Path.Combine(again.Folder, "cli.duckdb"), "--accept-rejects").ExitCode);
    }

    [Fact]
    public void An_extract_whose_pattern_matches_nothing_exits_5_unless_allowed()
    {
        using var w = new TempWarehouse();
        var sources = Path.Combine(w.Folder, "sources.json");
        File.WriteAllText(sources, """{ "sources": [ { "name": "erp", "kind": "bai2", "path": "moved/*.txt" } ] }""");
        var (exit, _, error) = CliProcess.Run(w.Folder, "extract", "--sources", sources, "--db", Path.Combine(w.Folder, "cli.duckdb"));
        Assert.Equal(ExitCodes.Incomplete, exit);
        Assert.StartsWith("error: no file matched the pattern of erp in ", Assert.Single(CliProcess.UserLines(error)));
        Assert.Equal(0, CliProcess.Run(w.Folder, "extract", "--sources", sources, "--db", Path.Combine(w.Folder, "cli.duckdb"), "--allow-empty").ExitCode);
    }
}
