using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.MonthlyPack;

/// <summary>
/// The pack's aging by month reads the aging KPIs as stored (kpi_values); for every dimension member it must equal
/// the customers' month-end aging (fct_customer_aging_monthly) summed over the member's customers, bucket by bucket.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class AgingByMonthTests(SamplePackFixture run)
{
    private static readonly string[] Amounts =
        ["current_amount", "d1_30_amount", "d31_60_amount", "d61_90_amount", "d91_120_amount", "d120_plus_amount", "unapplied_credit_amount", "total_open"];

    [Fact]
    public void Every_members_aging_by_month_equals_its_customers_aging_summed()
    {
        var monthEnd = new DateOnly(2026, 10, 31);
        using var warehouse = run.OpenWarehouse();
        // Every member a pack can be scoped to: the score band is a dimension, not a scope (a scope is a fixed set of customers).
        var scopes = warehouse.Query("SELECT DISTINCT dimension, member FROM kpi_values WHERE dimension <> 'score_band' ORDER BY 1, 2", r => (r.GetString(0), r.GetString(1)));
        Assert.True(scopes.Count > 20, $"{scopes.Count} members");
        var compared = 0;
        foreach (var (dimension, member) in scopes)
        {
            var sheet = ReportQuery.Run(warehouse, SqlFolder.Default(), "aging_by_month.sql", AgingSheet.ByMonthColumns,
                ("month_end", monthEnd), ("scope_dimension", dimension), ("scope_member", member));
            var summed = warehouse.Query($"""
                SELECT month_end, {string.Join(", ", Amounts.Select(a => $"sum({a})"))}
                FROM fct_customer_aging_monthly
                WHERE month_end <= $month_end AND customer_id IN (SELECT customer_id FROM customers_in_scope($d, $m))
                GROUP BY month_end ORDER BY month_end
                """, r => (Month: r.GetFieldValue<DateOnly>(0), Amounts: Enumerable.Range(1, Amounts.Length).Select(i => r.GetDecimal(i)).ToArray()),
                ("month_end", monthEnd), ("d", dimension), ("m", member));
            Assert.True(summed.Count == sheet.Rows.Count, $"{dimension}={member}: {sheet.Rows.Count} months on the sheet, {summed.Count} in the customers' aging");
            for (var i = 0; i < summed.Count; i++)
            {
                Assert.Equal(summed[i].Month, sheet.Value(i, "month_end") switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), var v => throw new InvalidCastException($"{v}") });
                for (var a = 0; a < Amounts.Length; a++)
                {
                    var shown = Convert.ToDecimal(sheet.Value(i, Amounts[a]));
                    Assert.True(summed[i].Amounts[a] == shown, $"{dimension}={member} {summed[i].Month} {Amounts[a]}: {shown} on the sheet, {summed[i].Amounts[a]} summed");
                    compared++;
                }
            }
        }
        Assert.True(compared > 1000, $"{compared} amounts compared");
    }
}
