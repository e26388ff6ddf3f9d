using System.Text.Json;
using ClosedXML.Excel;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>`o2c sql` as analysts run it: a separate process on the sample warehouse.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class AnalystSqlCliTests(SamplePackFixture run)
{
    private (int ExitCode, string Output, string Error) Sql(params string[] args) =>
        CliProcess.Run(run.Folder, ["sql", "--db", run.Options.WarehousePath, .. args]);

    private long Documents()
    {
        using var warehouse = run.OpenWarehouse();
        return warehouse.Scalar<long>("SELECT count(*) FROM documents");
    }

    [Theory]
    [InlineData("DROP TABLE invoices", "DROP")]
    [InlineData("DROP TABLE documents", "DROP")]
    [InlineData("delete from documents", "DELETE")]
    [InlineData("select 1; UPDATE documents SET amount = 0", "UPDATE")]
    [InlineData("ATTACH '/tmp/o2c-elsewhere.duckdb' AS elsewhere", "ATTACH")]
    public void A_write_statement_fails_clearly_and_changes_nothing(string statement, string verb)
    {
        var before = Documents();
        var (exit, output, error) = Sql(statement);
        Assert.Equal(4, exit);
        // On standard error, so `o2c sql ... > out.csv` never writes an error into the data.
        Assert.Equal("", output);
        Assert.Equal($"error: o2c sql is read-only: {("AEIOU".Contains(verb[0], StringComparison.Ordinal) ? "an" : "a")} {verb} statement is not allowed; the warehouse was not changed", error.Trim());
        Assert.Equal(before, Documents());
        Assert.Equal(127_293, before);
    }

    [Fact]
    public void Results_come_out_as_csv_json_xlsx_and_parquet()
    {
        const string query = "select customer_id, customer_name, segment from stg_customers where customer_id in ('C000042', 'C000001') order by customer_id";
        var csv = Sql(query, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Output.TrimEnd().Split('\n');
        Assert.Equal("customer_id,customer_name,segment", lines[0]);
        Assert.Equal(3, lines.Length);
        // The formula-named customer is quoted as CSV requires.
        Assert.StartsWith("C000042,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", lines[2]);

        var json = Sql(query, "--format", "json");
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", document.RootElement[1].GetProperty("customer_name").GetString());

        var xlsx = Path.Combine(run.Folder, "answer.xlsx");
        Assert.Equal(0, Sql(query, "--format", "xlsx", "--out", xlsx).ExitCode);
        using (var workbook = new XLWorkbook(xlsx))
        {
            var cell = workbook.Worksheet("query").Cell(3, 2);
            Assert.False(cell.HasFormula);
            Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", cell.GetString());
        }

        var parquet = Path.Combine(run.Folder, "answer.parquet");
        Assert.Equal(0, Sql(query, "--format", "parquet", "--out", parquet).ExitCode);
        // o2c sql reads no files (issue 16), so the Parquet file is read back by DuckDB in this process.
        using var reader = O2C.Analytics.Storage.Warehouse.Open(":memory:");
        Assert.Equal(2L, reader.Scalar<long>($"select count(*) from read_parquet('{parquet}')"));
        Assert.Equal("C000042", reader.Scalar<string>($"select max(customer_id) from read_parquet('{parquet}')"));
    }

    [Fact]
    public void Sql_reads_its_query_from_a_file()
    {
        var file = Path.Combine(run.Folder, "question.sql");
        File.WriteAllText(file, "-- how many customers\nselect count(*) as customers from customers");
        var (exit, output, _) = Sql("--file", file, "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal("customers\n2000", output.Trim().Replace("\r", "", StringComparison.Ordinal));
    }
}
