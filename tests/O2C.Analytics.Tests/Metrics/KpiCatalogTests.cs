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
