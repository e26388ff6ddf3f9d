using O2C.Analytics.Generate;
using O2C.Analytics.Load;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>Properties every KPI must keep on any data: parts roll up exactly; later data never changes history.</summary>
public class KpiPropertyTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(97)]
    public void Company_value_of_every_additive_kpi_is_recomputed_from_its_regional_parts(int seed)
    {
        using var w = new TempWarehouse();
        SampleGenerator.Run(new GeneratorOptions(150, 16, seed, w.Sources, new DateOnly(2025, 1, 1)));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");

        var company = KpiValueReader.Read(w.Warehouse).Where(v => v.Value is not null).ToList();
        var regions = KpiValueReader.Read(w.Warehouse, "region").ToLookup(v => (v.KpiId, v.PeriodEnd));
        var checkedValues = 0;
        foreach (var total in company)
        {
            var kpi = KpiCatalog.Get(total.KpiId);
            if (kpi.Kind == KpiKind.PerGroup) continue;
            var parts = regions[(total.KpiId, total.PeriodEnd)].ToList();
            Assert.NotEmpty(parts);
            var numerator = parts.Sum(p => p.Numerator ?? 0);
            Assert.Equal(total.Numerator, numerator);
            if (kpi.Kind == KpiKind.Sum)
            {
                Assert.Equal(total.Value, Math.Round(numerator * kpi.Scale, 6));
            }
            else
            {
                var denominator = parts.Sum(p => p.Denominator ?? 0);
                Assert.Equal(total.Denominator, denominator);
                // The parts are exact decimals; the value is their quotient rounded to 6 places (in double precision).
                Assert.InRange(total.Value!.Value - Math.Round(numerator / denominator * kpi.Scale, 6), -0.000002m, 0.000002m);
            }
            checkedValues++;
        }
        Assert.True(checkedValues > 400, $"only {checkedValues} values checked");
    }

    [Fact]
    public void Loading_one_more_month_changes_no_kpi_value_of_an_earlier_month()
    {
        using var shorter = new TempWarehouse();
        using var longer = new TempWarehouse();
        var first = new DateOnly(2025, 1, 1);
        // The same history extracted at the end of March 2026 and again a month later.
        SampleGenerator.Run(new GeneratorOptions(250, 15, 5, shorter.Sources, first, DeteriorationStart: 8, BankFeed: false));
        SampleGenerator.Run(new GeneratorOptions(250, 16, 5, longer.Sources, first, DeteriorationStart: 8, BankFeed: false));
        foreach (var w in new[] { shorter, longer })
        {
            new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
            WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        }
        const string Values = """
            SELECT kpi_id, period_end, dimension, member, numerator, denominator, value, note FROM kpi_values
            WHERE period_end <= DATE '2026-03-31' ORDER BY ALL
            """;
        string Row(System.Data.Common.DbDataReader r) => string.Join("|", Enumerable.Range(0, 8).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
        var before = shorter.Warehouse.Query(Values, Row);
        var after = longer.Warehouse.Query(Values, Row);
        Assert.True(before.Count > 5000);
        Assert.Equal(before, after);
        // The longer history really does hold later facts that touch those months' documents.
        Assert.True(longer.Warehouse.Scalar<long>("SELECT count(*) FROM applications WHERE application_date > DATE '2026-03-31'") > 100);
    }
}
