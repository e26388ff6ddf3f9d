using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// KPIs computed for the month ends from a date on (an incremental refresh) equal the full run's values for those
/// months. Each KPI narrows its scans to the months computed with kpi_first_day() and reaches back itself for what it
/// sums over trailing months (12 months of sales and write-offs, 13 month ends of AR, 60 days of invoices and
/// deductions, 14 days of dunning); a reach too short changes the first month computed. On the sample's 37 months,
/// from the first month with 12 months behind it, from one in the middle, and from the last.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class KpiMonthsFromTests(SamplePackFixture run)
{
    [Fact]
    public void Kpis_computed_from_a_month_on_equal_the_full_runs_values_for_those_months()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-kpi-from-").FullName;
        try
        {
            using var warehouse = Warehouse.Open(run.CopyWarehouseTo(folder));
            var monthEnds = warehouse.Query("SELECT month_end FROM int_month_ends ORDER BY month_end", r => r.GetFieldValue<DateOnly>(0));
            Assert.True(monthEnds.Count >= 36, $"the sample has {monthEnds.Count} month ends");
            var full = Values(warehouse, DateOnly.MinValue);
            // The 12-month KPIs must have values, or a reach too short would go unseen.
            foreach (var kpi in new[] { "ar_turnover", "bad_debt_writeoff_pct", "first_time_right_rate", "dunning_effectiveness", "invalid_deduction_recovery_rate" })
                Assert.Contains(full, v => v.StartsWith(kpi + "|" + monthEnds[13].ToString("yyyy-MM-dd"), StringComparison.Ordinal) && !v.EndsWith("|∅", StringComparison.Ordinal));

            foreach (var from in new[] { monthEnds[13], monthEnds[monthEnds.Count / 2], monthEnds[^1] })
            {
                KpiCalculator.Run(warehouse, SqlFolder.Default(), monthEndsFrom: from);
                var expected = full.Where(v => string.CompareOrdinal(v.Split('|')[1], from.ToString("yyyy-MM-dd")) >= 0).ToList();
                var actual = Values(warehouse, from);
                Assert.True(expected.SequenceEqual(actual),
                    $"from {from:yyyy-MM-dd}: {string.Join("\n", expected.Except(actual).Take(5))}\nnot computed as\n{string.Join("\n", actual.Except(expected).Take(5))}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>kpi_values from a month end on, one text line a value: kpi, month end, dimension, member, parts, value, note.</summary>
    private static List<string> Values(Warehouse warehouse, DateOnly from) => warehouse.Query(
        """
        SELECT kpi_id || '|' || strftime(period_end, '%Y-%m-%d') || '|' || dimension || '|' || member || '|' ||
               coalesce(CAST(numerator AS VARCHAR), '∅') || '|' || coalesce(CAST(denominator AS VARCHAR), '∅') || '|' ||
               coalesce(note, '') || '|' || coalesce(CAST(value AS VARCHAR), '∅')
        FROM kpi_values WHERE period_end >= $from ORDER BY ALL
        """, r => r.GetString(0), ("from", from));
}
