using O2C.Analytics.Metrics;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Metrics;

public class KpiCatalogTests
{
    [Fact]
    public void Every_kpi_has_one_sql_file_and_every_sql_file_one_kpi()
    {
        var files = Directory.EnumerateFiles(SqlFolder.Default().File("kpis"), "*.sql").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(KpiCatalog.All.Select(k => k.Id).Order(), files);
        Assert.Equal(KpiCatalog.All.Count, KpiCatalog.All.Select(k => k.Id).Distinct().Count());
    }

    [Fact]
    public void The_catalogue_has_at_least_thirty_kpis_in_six_areas()
    {
        Assert.True(KpiCatalog.All.Count >= 30);
        Assert.Equal(
            ["Cash application", "Collections", "Disputes & deductions", "Invoicing", "Payment behaviour", "Receivables"],
            KpiCatalog.All.Select(k => k.Area).Distinct().Order());
    }

    [Fact]
    public void Docs_kpis_md_is_the_generated_catalogue()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "kpis.md"));
        Assert.True(committed == KpiDocumentation.Markdown(KpiCatalog.All),
            "docs/kpis.md is out of date: run `./o2c kpi --docs docs/kpis.md` and commit it.");
    }

    [Fact]
    public void A_kpi_is_found_by_its_id_and_an_unknown_id_is_named_in_the_error()
    {
        Assert.Equal("DSO (period method, 3 months)", KpiCatalog.Get("dso").Name);
        Assert.Equal("Collection effectiveness index", KpiCatalog.Get("cei").Name);
        Assert.Equal("No KPI with id 'dos'.", Assert.Throws<KeyNotFoundException>(() => KpiCatalog.Get("dos")).Message);
    }

    [Theory]
    [InlineData("credit_sales", "1234567.5", "1,234,568")] // an amount: whole units
    [InlineData("ar_turnover", "8.254", "8.25")]            // times: 2 decimals
    [InlineData("dso", "45.06", "45.1")]                    // days: 1 decimal
    [InlineData("past_due_pct", "1234.56", "1234.6")]       // %: 1 decimal
    public void A_value_is_shown_in_its_units_precision(string kpi, string value, string shown) =>
        // The scorecard's Excel number formats read the same in .NET: the value as a CFO sees it in the pack.
        Assert.Equal(shown, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            .ToString(KpiCatalog.Get(kpi).NumberFormat, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Per_group_sql_reads_the_member_cells_and_additive_sql_does_not()
    {
        foreach (var kpi in KpiCatalog.All)
        {
            var sql = SqlFolder.Default().Read("kpis", kpi.SqlFile);
            Assert.True(sql.Contains("_kpi_member_cells") == (kpi.Kind == KpiKind.PerGroup), kpi.Id);
        }
    }
}

public class KpiTestCoverageTests
{
    [Fact]
    public void Every_kpi_of_the_catalogue_is_checked_against_hand_arithmetic_somewhere()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "O2C.Analytics.Tests", "Metrics");
        var tests = string.Join("\n", Directory.EnumerateFiles(folder, "*KpiTests.cs").Select(File.ReadAllText));
        var untested = KpiCatalog.All.Select(k => k.Id).Where(id => !tests.Contains($"\"{id}\"")).ToList();
        Assert.Empty(untested);
    }
}
