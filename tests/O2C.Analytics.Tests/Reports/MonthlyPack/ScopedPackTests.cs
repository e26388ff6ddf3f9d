using ClosedXML.Excel;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Reports.Summary;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.MonthlyPack;

/// <summary>A pack scoped to one member holds that member's figures and customers and nothing outside them (issue 20).</summary>
[Collection(SamplePackCollection.Name)]
public sealed class ScopedPackTests(SamplePackFixture run)
{
    private static readonly ReportingMonth October = new(2026, 10);

    [Fact]
    public void A_team_pack_names_only_the_teams_customers_and_its_headline_is_the_teams_kpi_values()
    {
        var scope = PackScope.Parse("bpo_team=BPO Krakow");
        var folder = Directory.CreateTempSubdirectory("o2c-scoped-").FullName;
        try
        {
            List<(string Name, string Team)> customers;
            decimal cash, dso;
            KpiPack pack;
            using (var warehouse = run.OpenWarehouse())
            {
                pack = KpiPackReader.Read(warehouse, SqlFolder.Default(), October, DateTime.UtcNow, scope);
                customers = warehouse.Query("SELECT customer_name, coalesce(bpo_team, 'Unassigned') FROM stg_customers", r => (r.GetString(0), r.GetString(1)));
                const string value = "SELECT value FROM kpi_values WHERE kpi_id = $k AND dimension = 'bpo_team' AND member = 'BPO Krakow' AND period_end = DATE '2026-10-31'";
                cash = warehouse.Scalar<decimal>(value, ("k", "cash_collected"));
                dso = warehouse.Scalar<decimal>(value, ("k", "dso"));
            }
            var path = KpiPackWorkbook.Write(pack, Path.Combine(folder, "scoped.xlsx"));
            using var workbook = new XLWorkbook(path);
            var text = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();

            var inside = customers.Where(c => c.Team == "BPO Krakow").Select(c => c.Name).ToHashSet();
            var outside = customers.Where(c => c.Team != "BPO Krakow" && !inside.Contains(c.Name)).Select(c => c.Name).ToHashSet();
            Assert.True(inside.Count > 100 && outside.Count > 1000, $"{inside.Count} inside, {outside.Count} outside");
            // The Top overdue page lists the team's own customers, and no cell anywhere names another team's customer or team.
            var listed = workbook.Worksheet(TopOverdueSheet.Name).Table("TopOverdue").DataRange.Rows().Select(r => r.Cell(2).GetString()).ToList();
            Assert.Equal(TopOverdueSheet.Customers, listed.Count);
            Assert.All(listed, name => Assert.Contains(name, inside));
            Assert.DoesNotContain(text, t => outside.Any(name => t.Contains(name, StringComparison.Ordinal)));
            Assert.DoesNotContain(text, t => t.Contains("BPO Manila", StringComparison.Ordinal) || t.Contains("In-house", StringComparison.Ordinal));
            // No company-wide forecast, no segment named from company-wide members.
            Assert.False(workbook.Worksheets.Contains(ForecastPage.Name));

            var headline = workbook.Worksheet(SummarySheet.Name).Cell(SummarySheet.HeadlineRow, 1).GetString();
            Assert.Equal(PackHeadline.Of(pack), headline);
            Assert.StartsWith($"October 2026: cash collected {(cash / 1_000_000m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} M", headline);
            Assert.Contains($"DSO {dso.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} days", headline);
            Assert.Equal("O2C KPI pack: October 2026, team BPO Krakow", workbook.Worksheet(SummarySheet.Name).Cell(1, 1).GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_scope_that_names_no_dimension_or_no_member_is_refused_with_what_there_is()
    {
        Assert.Equal(PackScope.Company, PackScope.Parse(" "));
        Assert.Equal(new PackScope("region", "EMEA"), PackScope.Parse(" region = EMEA "));
        var dimension = Assert.Throws<ArgumentException>(() => PackScope.Parse("planet=Mars"));
        Assert.Contains("region, segment, currency, risk_class, collector, bpo_team", dimension.Message);
        Assert.Throws<ArgumentException>(() => PackScope.Parse("region="));
        using var warehouse = run.OpenWarehouse();
        var member = Assert.Throws<ArgumentException>(() => KpiPackReader.Read(warehouse, SqlFolder.Default(), October, DateTime.UtcNow, PackScope.Parse("region=Mars")));
        Assert.Equal("No KPI values for region=Mars up to 2026-10: members of region are APAC, EMEA, LATAM, North America, Unassigned.", member.Message);
    }
}
