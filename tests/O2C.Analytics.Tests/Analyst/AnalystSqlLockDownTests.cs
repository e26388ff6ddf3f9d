using System.Security.Cryptography;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>
/// `o2c sql` reaches the warehouse and nothing else (issue 16): each statement here got past the old text checks
/// (a COPY over the warehouse file, EXPORT DATABASE, read_text of a process's environment, ATTACH behind a "--"
/// inside a string literal). DuckDB's own settings refuse them now; the warehouse file is byte for byte as before.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class AnalystSqlLockDownTests(SamplePackFixture run)
{
    private (int ExitCode, string Output, string Error) Sql(params string[] args) =>
        CliProcess.Run(run.Folder, ["sql", "--db", run.Options.WarehousePath, .. args]);

    private string WarehouseHash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(run.Options.WarehousePath)));

    public static TheoryData<string> Escapes() => new()
    {
        "COPY (select 'x') TO '{warehouse}'",
        "COPY (select 'x') TO '{folder}/elsewhere.csv'",
        "EXPORT DATABASE '{folder}/dump'",
        "select * from read_text('/proc/self/environ')",
        "select * from read_csv('/etc/passwd')",
        "select '--'; ATTACH '{folder}/other.duckdb' AS other",
        "select '--'; LOAD httpfs",
        "select '--'; INSTALL httpfs",
        "/* ; */ select 1; COPY documents TO '{folder}/documents.csv'",
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void A_statement_that_reaches_outside_the_warehouse_is_refused_by_the_engine(string template)
    {
        var before = WarehouseHash();
        var statement = template.Replace("{warehouse}", run.Options.WarehousePath, StringComparison.Ordinal)
            .Replace("{folder}", run.Folder, StringComparison.Ordinal);
        var (exit, output, error) = Sql(statement, "--format", "csv");
        Assert.Equal(4, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: o2c sql ", error.Trim());
        Assert.Equal(before, WarehouseHash());
        Assert.False(File.Exists(Path.Combine(run.Folder, "elsewhere.csv")));
        Assert.False(File.Exists(Path.Combine(run.Folder, "documents.csv")));
        Assert.False(Directory.Exists(Path.Combine(run.Folder, "dump")));
        Assert.False(File.Exists(Path.Combine(run.Folder, "other.duckdb")));
    }

    [Theory]
    [InlineData("SET enable_external_access = true")]
    [InlineData("RESET enable_external_access")]
    [InlineData("SET allowed_directories = ['/']")]
    [InlineData("SET lock_configuration = false")]
    public void The_lock_cannot_be_lifted_from_inside(string statement)
    {
        var (exit, _, error) = Sql($"{statement}; select * from read_text('/etc/hostname')");
        Assert.Equal(1, exit);
        Assert.Contains("the configuration has been locked", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{warehouse}", "csv", "it is a warehouse file")]
    [InlineData("{warehouse}.wal", "json", "it is a warehouse file")]
    [InlineData("{link}", "parquet", "it is a warehouse file")]
    [InlineData("{copy}", "xlsx", "it is a DuckDB database")]
    [InlineData("/dev/null", "csv", "it is a device or system file")]
    public void Out_never_overwrites_a_warehouse(string template, string format, string why)
    {
        var link = Path.Combine(run.Folder, "innocent-looking.parquet");
        if (!File.Exists(link)) File.CreateSymbolicLink(link, run.Options.WarehousePath);
        var copy = Path.Combine(run.Folder, "other.db");
        if (!File.Exists(copy)) File.WriteAllBytes(copy, File.ReadAllBytes(run.Options.WarehousePath).AsSpan(0, 4096).ToArray());
        var before = WarehouseHash();
        var target = template.Replace("{warehouse}", run.Options.WarehousePath, StringComparison.Ordinal)
            .Replace("{link}", link, StringComparison.Ordinal).Replace("{copy}", copy, StringComparison.Ordinal);

        var (exit, output, error) = Sql("select 1 as one", "--format", format, "--out", target);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"error: --out {target} refused: {why}; choose another file", error.Trim());
        Assert.Equal(before, WarehouseHash());
        Assert.Equal(4096, new FileInfo(copy).Length);
    }

    /// <summary>Found in review: the published-report check compared a resolved path with an unresolved folder.</summary>
    [Fact]
    public void Out_never_overwrites_a_published_report_even_through_a_link_to_its_folder()
    {
        var pack = Directory.GetFiles(Path.Combine(run.Folder, "reports"), "o2c-kpi-pack-*.xlsx").First();
        var before = File.ReadAllBytes(pack);
        var link = Path.Combine(run.Folder, "published");
        if (!Directory.Exists(link)) Directory.CreateSymbolicLink(link, Path.Combine(run.Folder, "reports"));
        foreach (var target in new[] { Path.Combine("reports", Path.GetFileName(pack)), Path.Combine("published", Path.GetFileName(pack)) })
        {
            var (exit, _, error) = Sql("select 1 as one", "--format", "xlsx", "--out", target);
            Assert.Equal(2, exit);
            Assert.Equal($"error: --out {target} refused: it is a published report; choose another file", error.Trim());
        }
        Assert.Equal(before, File.ReadAllBytes(pack));
    }

    [Fact]
    public void A_failed_query_leaves_an_earlier_output_whole()
    {
        var file = Path.Combine(run.Folder, "answer-kept.csv");
        Assert.Equal(0, Sql("select 42 as answer", "--format", "csv", "--out", file).ExitCode);
        Assert.Equal(1, Sql("select no_such_column from documents", "--format", "csv", "--out", file).ExitCode);
        Assert.Equal("answer\n42\n", File.ReadAllText(file).Replace("\r", "", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(run.Folder, "*.partial*"));
    }
}
