using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// The KPIs computed per group (countback DSO, top-10 concentration, cash per collector) compute every dimension in one
/// statement through the customers' cells. For every dimension member and month of the sample, each must equal the
/// KPI computed here, customer by customer, over the member's customers alone (customers_in_scope).
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class PerGroupKpiTests(SamplePackFixture run)
{
    private sealed record CustomerMonth(DateOnly MonthEnd, string CustomerId, decimal? ArEnd);

    private sealed record Stored(DateOnly PeriodEnd, decimal? Numerator, decimal? Denominator);

    [Theory]
    [InlineData("dso_countback")]
    [InlineData("top10_concentration")]
    [InlineData("cash_per_collector")]
    public void Every_member_and_month_equals_the_kpi_computed_over_its_customers_alone(string kpiId)
    {
        using var warehouse = run.OpenWarehouse();
        var kpi = KpiCatalog.All.Single(k => k.Id == kpiId);
        var months = warehouse.Query("SELECT month_end, month_end - month_start + 1, month_index FROM int_month_ends ORDER BY month_end",
            r => (End: r.GetFieldValue<DateOnly>(0), Days: r.GetInt32(1), Index: r.GetInt32(2)));
        var customerMonths = warehouse.Query("SELECT month_end, customer_id, ar_end_rc FROM fct_customer_month",
            r => new CustomerMonth(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDecimal(2)));
        var sales = warehouse.Query("SELECT month_end, customer_id, credit_sales_rc FROM fct_credit_sales_monthly",
            r => (Month: r.GetFieldValue<DateOnly>(0), Customer: r.GetString(1), Amount: r.GetDecimal(2)));
        var cash = warehouse.Query("SELECT period_end, customer_id, sum(amount_rc) FROM fct_payment_applications GROUP BY ALL",
            r => (Month: r.GetFieldValue<DateOnly>(0), Customer: r.GetString(1), Amount: r.IsDBNull(2) ? 0m : r.GetDecimal(2)));
        var collectors = warehouse.Query("SELECT customer_id, collector FROM stg_customers",
            r => (Customer: r.GetString(0), Collector: r.IsDBNull(1) ? null : r.GetString(1))).ToDictionary(c => c.Customer, c => c.Collector);
        var members = warehouse.Query("SELECT DISTINCT dimension, member FROM kpi_values WHERE kpi_id = $k ORDER BY 1, 2",
            r => (Dimension: r.GetString(0), Member: r.GetString(1)), ("k", kpiId));
        Assert.True(members.Count > 20, $"{members.Count} members");

        var compared = 0;
        foreach (var (dimension, member) in members)
        {
            var customers = warehouse.Query("SELECT customer_id FROM customers_in_scope($d, $m)", r => r.GetString(0), ("d", dimension), ("m", member)).ToHashSet();
            var stored = warehouse.Query("""
                SELECT period_end, numerator, denominator FROM kpi_values WHERE kpi_id = $k AND dimension = $d AND member = $m
                """, r => new Stored(r.GetFieldValue<DateOnly>(0), r.IsDBNull(1) ? null : r.GetDecimal(1), r.IsDBNull(2) ? null : r.GetDecimal(2)),
                ("k", kpiId), ("d", dimension), ("m", member)).ToDictionary(s => s.PeriodEnd);
            foreach (var month in months.Where(m => m.Index >= kpi.MinHistoryMonths - 1))
            {
                (decimal Numerator, decimal Denominator)? expected = kpiId switch
                {
                    "dso_countback" => Countback(
                        customerMonths.Where(c => c.MonthEnd == month.End && customers.Contains(c.CustomerId)).ToList(),
                        months.Where(m => m.End <= month.End).OrderByDescending(m => m.End)
                              .Select(m => (m.Days, Sales: sales.Where(s => s.Month == m.End && customers.Contains(s.Customer)).Sum(s => s.Amount))).ToList()),
                    "top10_concentration" => Top10(customerMonths.Where(c => c.MonthEnd == month.End && customers.Contains(c.CustomerId)).ToList()),
                    _ => PerCollector(
                        customerMonths.Where(c => c.MonthEnd == month.End && c.ArEnd > 0 && customers.Contains(c.CustomerId)).Select(c => c.CustomerId)
                            .Union(cash.Where(x => x.Month == month.End && customers.Contains(x.Customer)).Select(x => x.Customer)).ToList(),
                        cash.Where(x => x.Month == month.End).ToDictionary(x => x.Customer, x => x.Amount), collectors),
                };
                var row = stored.GetValueOrDefault(month.End);
                var label = $"{kpiId} {dimension}={member} {month.End:yyyy-MM-dd}";
                if (expected is not { } e)
                {
                    Assert.True(row?.Numerator is null, $"{label}: stored {row?.Numerator}, nothing to compute");
                    continue;
                }
                Assert.True(row is not null, $"{label}: no row stored");
                Assert.True(Math.Abs(row.Numerator!.Value - e.Numerator) <= 0.00001m, $"{label}: numerator {row.Numerator}, computed {e.Numerator}");
                Assert.True(row.Denominator == e.Denominator, $"{label}: denominator {row.Denominator}, computed {e.Denominator}");
                compared++;
            }
        }
        Assert.True(compared > 200, $"{compared} values compared");
    }

    /// <summary>
    /// Going back from the month end: while AR left exceeds a month's sales, take them off and count its days; then
    /// the fraction of the month that covers what is left.
    /// </summary>
    private static (decimal, decimal)? Countback(IReadOnlyList<CustomerMonth> ar, IReadOnlyList<(int Days, decimal Sales)> back)
    {
        if (ar.Count == 0 || ar.All(a => a.ArEnd is null)) return null;
        var left = ar.Sum(a => a.ArEnd ?? 0m);
        var days = 0m;
        foreach (var (monthDays, sales) in back)
        {
            if (sales > 0 && left <= sales) return (days + left / sales * monthDays, 1m);
            left -= sales;
            days += monthDays;
        }
        return null;
    }

    /// <summary>The 10 largest AR balances (ties by customer id) over all non-zero balances.</summary>
    private static (decimal, decimal)? Top10(IReadOnlyList<CustomerMonth> ar)
    {
        var open = ar.Where(a => a.ArEnd is not null && a.ArEnd != 0).ToList();
        if (open.Count == 0) return null;
        var top = open.OrderByDescending(a => a.ArEnd).ThenBy(a => a.CustomerId, StringComparer.Ordinal).Take(10).Sum(a => a.ArEnd!.Value);
        return (top, open.Sum(a => a.ArEnd!.Value));
    }

    /// <summary>Cash applied to the active customers / their distinct named collectors.</summary>
    private static (decimal, decimal)? PerCollector(IReadOnlyList<string> active, IReadOnlyDictionary<string, decimal> cash, IReadOnlyDictionary<string, string?> collectors)
    {
        if (active.Count == 0) return null;
        var named = active.Select(c => collectors[c]).Where(c => c is not null && c != "Unassigned").Distinct().Count();
        return (active.Sum(c => cash.GetValueOrDefault(c)), named);
    }
}

/// <summary>
/// Members of different dimensions may share a name ('Unassigned' for a customer with neither collector nor BPO team):
/// a per-group KPI must keep each dimension's member to its own customers' amounts.
///
///   C1  collector Ann, Team A: invoice 100.00 on 2026-01-15 (gives the months January to March)
///   C2  no collector, no team: invoices 200.00 on 2026-02-10 and 300.00 on 2026-03-10, both open at 31 March
///
/// collector=Unassigned and bpo_team=Unassigned both hold C2 alone: AR 500.00; March's sales 300.00 leave 200.00 (31
/// days), February's 200.00 cover it: countback DSO = 31 + 200 / 200 x 28 = 59.0. (Each member reading the other's
/// months too would count March twice: 31 + 200 / 300 x 31 = 51.67.)
/// </summary>
public sealed class PerGroupMemberNameTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public PerGroupMemberNameTests()
    {
        _w.Write("customers.csv", CanonicalFiles.Customers,
            CanonicalFiles.Customer("C1"),
            "C2,Customer C2,Enterprise,North America,US,USD,30,100000.00,B,,,true");
        _w.Write("fx_rates.csv", CanonicalFiles.FxRates, "2026-01-01,EUR,USD,1.10");
        _w.Write("documents.csv", CanonicalFiles.Documents,
            CanonicalFiles.Invoice("I1", "C1", "2026-01-15", "2026-02-14", "100.00"),
            CanonicalFiles.Invoice("I2", "C2", "2026-02-10", "2026-04-09", "200.00"),
            CanonicalFiles.Invoice("I3", "C2", "2026-03-10", "2026-04-09", "300.00"));
        new O2C.Analytics.Load.CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources);
        O2C.Analytics.Pipeline.WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD");
    }

    public void Dispose() => _w.Dispose();

    [Theory]
    [InlineData("collector")]
    [InlineData("bpo_team")]
    public void Countback_dso_of_an_unassigned_member_counts_its_own_dimensions_sales_only(string dimension)
    {
        var value = _w.Warehouse.Scalar<decimal?>("""
            SELECT value FROM kpi_values WHERE kpi_id = 'dso_countback' AND period_end = DATE '2026-03-31' AND dimension = $d AND member = 'Unassigned'
            """, ("d", dimension));
        Assert.Equal(59.0m, value);
    }
}
