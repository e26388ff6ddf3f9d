using O2C.Analytics.Analyst;
using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>`o2c explain`: the customers' parts of every additive KPI add up to kpi_values exactly (issue 21).</summary>
[Collection(SamplePackCollection.Name)]
public sealed class KpiExplanationTests(SamplePackFixture run)
{
    private static readonly DateOnly October = new(2026, 10, 31);

    [Fact]
    public void Every_additive_kpi_of_october_is_the_sum_of_its_customers_parts_for_the_company_and_a_member_of_each_dimension()
    {
        using var warehouse = run.OpenWarehouse();
        var stored = KpiValueReader.ReadAll(warehouse).Where(v => v.PeriodEnd == October && v.Value is not null).ToList();
        var checkedValues = 0;
        foreach (var kpi in KpiCatalog.All.Where(k => k.Kind != KpiKind.PerGroup))
        {
            var cuts = stored.Where(v => v.KpiId == kpi.Id).GroupBy(v => v.Dimension).Select(g => g.OrderBy(v => v.Member, StringComparer.Ordinal).First()).ToList();
            foreach (var value in cuts)
            {
                var explanation = KpiExplainer.Explain(warehouse, SqlFolder.Default(), kpi.Id, October, value.Dimension, value.Member);
                Assert.True(Math.Round(value.Numerator ?? 0, 4) == Math.Round(explanation.Numerator, 4),
                    $"{kpi.Id} {value.Dimension}={value.Member}: numerator {value.Numerator} stored, {explanation.Numerator} from {explanation.Parts.Count} customers");
                Assert.True(Math.Round(value.Denominator ?? 0, 4) == Math.Round(explanation.Denominator ?? 0, 4),
                    $"{kpi.Id} {value.Dimension}={value.Member}: denominator {value.Denominator} stored, {explanation.Denominator} from the parts");
                checkedValues++;
            }
        }
        // 36 additive KPIs, each for the company and 6 to 7 dimensions.
        Assert.True(checkedValues > 200, $"{checkedValues} values checked");
    }

    [Fact]
    public void A_kpi_computed_per_member_or_an_unknown_one_is_refused_saying_why()
    {
        using var warehouse = run.OpenWarehouse();
        Assert.StartsWith("top10_concentration is computed per member as a whole",
            Assert.Throws<ArgumentException>(() => KpiExplainer.Explain(warehouse, SqlFolder.Default(), "top10_concentration", October)).Message);
        Assert.Equal("no KPI dso_typo: o2c kpi --list shows them all",
            Assert.Throws<ArgumentException>(() => KpiExplainer.Explain(warehouse, SqlFolder.Default(), "dso_typo", October)).Message);
    }
}
