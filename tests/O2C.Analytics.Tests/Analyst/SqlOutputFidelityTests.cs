using System.Text.Json;
using ClosedXML.Excel;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>
/// `o2c sql` prints what DuckDB holds: DECIMAL scale, NULL apart from '', time-zoned timestamps with their offset,
/// intervals and nested values in standard notations, every statement's result, and DuckDB's hints on an error.
/// Literal queries on an empty migrated warehouse: the values are the test's own.
/// </summary>
public sealed class SqlOutputFidelityTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public SqlOutputFidelityTests() => _w.Warehouse.Dispose();

    public void Dispose() => _w.Dispose();

    private (int Exit, string Output, string Error) Sql(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliProcess.Run(_w.Folder, environment, ["sql", "--db", Path.Combine(_w.Folder, "o2c.duckdb"), .. args]);

    private (int Exit, string Output, string Error) Sql(params string[] args) => Sql(new Dictionary<string, string>(), args);

    // sum() of DECIMAL(18,2) is DECIMAL(38,2), handed over without its scale: 60425999.80 + 0.10 = 60425999.90 must not print as 60425999.9.
    private const string Values = """
        select sum(x) as total, timestamptz '2026-01-15 10:00:00.25+02' as posted, null as missing, '' as blank,
               interval 3 day + interval 4 hour as lag, [1, 2] as ids, {'rate': 1.50::decimal(5,2)} as fx
        from (values (60425999.80::decimal(18,2)), (0.10::decimal(18,2))) t(x);
        select 'second' as statement
        """;

    [Fact]
    public void Csv_keeps_scale_offset_null_and_every_statement()
    {
        var (exit, output, _) = Sql(new Dictionary<string, string> { ["O2C_TimeZone"] = "America/New_York" }, Values, "--format", "csv");
        Assert.Equal(0, exit);
        // 10:00 at +02 is 08:00 UTC, 03:00 in New York (EST, -05:00) on 15 January.
        Assert.Equal(
            "total,posted,missing,blank,lag,ids,fx\n" +
            "60425999.90,2026-01-15T03:00:00.25-05:00,,\"\",P3DT4H,\"[1,2]\",\"{\"\"rate\"\":1.50}\"\n" +
            "\n" +
            "statement\nsecond\n",
            output.Replace("\r", "", StringComparison.Ordinal));
        var (_, withNull, _) = Sql("select null as missing, '' as blank", "--format", "csv", "--null", "NA");
        Assert.Equal("missing,blank\nNA,\"\"\n", withNull.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_keeps_scale_and_offset_and_prints_each_statements_array()
    {
        var (exit, output, _) = Sql(new Dictionary<string, string> { ["O2C_TimeZone"] = "UTC" }, Values, "--format", "json");
        Assert.Equal(0, exit);
        // Two arrays, one after the other.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        reader.Read();
        var first = JsonElement.ParseValue(ref reader);
        reader.Read();
        var second = JsonElement.ParseValue(ref reader);
        Assert.Equal("60425999.90", first[0].GetProperty("total").GetRawText());
        Assert.Equal("2026-01-15T08:00:00.25+00:00", first[0].GetProperty("posted").GetString());
        Assert.Equal(JsonValueKind.Null, first[0].GetProperty("missing").ValueKind);
        Assert.Equal("", first[0].GetProperty("blank").GetString());
        Assert.Equal("1.50", first[0].GetProperty("fx").GetProperty("rate").GetRawText());
        Assert.Equal("second", second[0].GetProperty("statement").GetString());
    }

    [Fact]
    public void Xlsx_has_a_sheet_per_statement()
    {
        var file = Path.Combine(_w.Folder, "out.xlsx");
        Assert.Equal(0, Sql(Values, "--format", "xlsx", "--out", file).Exit);
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["query", "query 2"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(60425999.90m, workbook.Worksheet("query").Cell(2, 1).GetValue<decimal>());
        Assert.Equal("second", workbook.Worksheet("query 2").Cell(2, 1).GetString());
    }

    [Fact]
    public void A_table_shows_NULL_right_aligns_numbers_and_stops_at_max_rows()
    {
        var (_, small, _) = Sql("select 'a' as name, 5 as n, null as gone union all select 'bb', 12345, 1 order by n");
        var lines = small.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        Assert.Contains("│ a    │     5 │ NULL │", lines);
        Assert.Contains("│ bb   │ 12345 │    1 │", lines);
        Assert.Contains("2 rows", lines);

        // 100 rows, 40 shown like DuckDB's shell: 0-19, a marker, 80-99.
        var (_, big, _) = Sql("select range as n from range(100)");
        var shown = big.Replace("\r", "", StringComparison.Ordinal).Split('\n').Where(l => l.StartsWith("│", StringComparison.Ordinal)).Select(l => l.Trim('│', ' ')).ToList();
        Assert.Equal(["n", .. Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "·",
            .. Enumerable.Range(80, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], shown);
        Assert.Contains("100 rows (40 shown; --max-rows 0 shows all, --format csv writes all)", big);
        var (_, all, _) = Sql("select range as n from range(100)", "--max-rows", "0");
        Assert.Contains("│ 57 │", all);
        Assert.Contains("100 rows\n", all.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_no_dotnet_type_holds_print_as_DuckDB_holds_them()
    {
        // An interval with months (no TimeSpan holds one), a TIME with its seconds, a list of numbers with a NULL,
        // a BLOB, and doubles JSON has no number for (strings there).
        var (exit, csv, error) = Sql("""
            select interval '1 year 2 months 3 days 04:05:06.5' as lag, interval '-1 day' as back, interval 0 second as none, -interval 2 hour as early,
                   time '10:11:12.5' as t, time '10:11:00' as t0, [1, 2, NULL] as ids, '\xAA\x00ok'::blob as b, 'nan'::double as n
            """, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Equal("lag,back,none,early,t,t0,ids,b,n\nP1Y2M3DT4H5M6.5S,-P1D,PT0S,-PT2H,10:11:12.5,10:11:00,\"[1,2,null]\",\\xAA\\x00ok,NaN\n",
            csv.Replace("\r", "", StringComparison.Ordinal));
        var (jsonExit, json, _) = Sql("select 'inf'::double as up, [1.5::double, 'nan'::double] as xs", "--format", "json");
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Infinity", document.RootElement[0].GetProperty("up").GetString());
        Assert.Equal("[1.5,\"NaN\"]", document.RootElement[0].GetProperty("xs").GetRawText());
    }

    [Fact]
    public void Out_without_a_file_format_and_a_negative_wait_are_refused()
    {
        var (exit, _, error) = Sql("select 1 as a", "--out", Path.Combine(_w.Folder, "t.txt"));
        Assert.Equal(2, exit);
        Assert.Equal("error: --out writes csv, json, parquet or xlsx; give --format too (a table prints to the terminal)", Assert.Single(CliProcess.UserLines(error)));
        Assert.False(File.Exists(Path.Combine(_w.Folder, "t.txt")));
        Assert.Equal(2, Sql("select 1", "--wait", "-3").Exit);
    }

    [Fact]
    public void A_sql_error_keeps_duckdbs_hint_on_its_one_line()
    {
        var (exit, _, error) = Sql("select * from customer");
        Assert.Equal(1, exit);
        Assert.Equal("error: Catalog Error: Table with name customer does not exist!; Did you mean \"customers\"?; LINE 1: select * from customer",
            Assert.Single(CliProcess.UserLines(error)));
    }
}
