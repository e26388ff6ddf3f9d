using O2C.Analytics.Analyst;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>
/// Every worked example of docs/analyst-guide.md gives the figure another way of computing it gives on the sample:
/// the KPI values, the as-of aging, the balance events, the stored forecast's own identity, the tables under the views.
/// A guide example that runs but answers wrongly (worked example 13 once summed yen with dollars) fails here.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class AnalystGuideResultTests(SamplePackFixture run)
{
    private static IReadOnlyList<QueryResult> Example(Warehouse warehouse, int number) => AnalystSql.RunAll(warehouse, AnalystGuideTests.Query(number));

    private static decimal Dec(object? value) => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);

    private static int Column(QueryResult result, string name) => result.Columns.ToList().IndexOf(name) is >= 0 and var i ? i : throw new ArgumentException(name);

    private static decimal Kpi(Warehouse warehouse, string kpi, string dimension, string member, DateOnly periodEnd, string field = "value") =>
        warehouse.Scalar<decimal>($"SELECT {field} FROM kpi_values WHERE kpi_id = $k AND dimension = $d AND member = $m AND period_end = $p",
            ("k", kpi), ("d", dimension), ("m", member), ("p", periodEnd));

    private static DateOnly LatestMonthEnd(Warehouse warehouse) => warehouse.Scalar<DateOnly>("SELECT max(period_end) FROM kpi_values");

    [Fact]
    public void Example_0_the_comments_cover_every_column_of_v_open_items()
    {
        using var warehouse = run.OpenWarehouse();
        var columns = Example(warehouse, 0)[0];
        Assert.Equal(warehouse.Scalar<long>("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'v_open_items'"), columns.Rows.Count);
        Assert.All(columns.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r[2] as string), $"{r[1]} has no comment"));
    }

    [Fact]
    public void Example_1_open_AR_and_past_due_share_are_the_KPI_values()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 1)[0];
        Assert.Equal(6, result.Rows.Count);
        Assert.Equal(LatestMonthEnd(warehouse), (DateOnly)result.Rows[0][0]!);
        foreach (var row in result.Rows)
        {
            var monthEnd = (DateOnly)row[0]!;
            Assert.Equal(Math.Round(Kpi(warehouse, "total_open_ar", "company", "All", monthEnd), 2), Dec(row[1]));
            Assert.Equal(Math.Round(Kpi(warehouse, "past_due_pct", "company", "All", monthEnd), 1), Dec(row[2]));
        }
    }

    [Fact]
    public void Example_2_open_on_15_March_is_the_sum_of_balance_events_to_that_day()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 2)[0];
        var expected = warehouse.Query("""
            select d.currency_code, count(*), sum(b.balance) from (
                select document_id, sum(delta) as balance from int_document_balance_events where event_date <= DATE '2026-03-15' group by 1
            ) b join stg_documents d using (document_id) where b.balance <> 0 group by 1 order by 1
            """, r => (r.GetString(0), r.GetInt64(1), r.GetDecimal(2)));
        Assert.True(expected.Count >= 3, $"{expected.Count} currencies");
        Assert.Equal(expected, result.Rows.Select(r => ((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), Dec(r[2]))).OrderBy(x => x.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Example_3_each_regions_buckets_add_up_to_its_open_AR_KPI()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 3)[0];
        var monthEnd = LatestMonthEnd(warehouse);
        var regions = result.Rows.GroupBy(r => (string)r[0]!).ToList();
        Assert.Equal(warehouse.Scalar<long>("SELECT count(DISTINCT region) FROM stg_customers"), regions.Count);
        foreach (var region in regions)
            Assert.Equal(Math.Round(Kpi(warehouse, "total_open_ar", "region", region.Key, monthEnd), 2), region.Sum(r => Dec(r[2])));
    }

    [Fact]
    public void Example_4_each_customers_over_90_is_the_as_of_agings_last_two_buckets()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 4)[0];
        Assert.Equal(10, result.Rows.Count);
        var monthEnd = LatestMonthEnd(warehouse);
        foreach (var row in result.Rows.Take(3))
        {
            var aging = AgingBuckets.Run(warehouse, SqlFolder.Default(), monthEnd, "customer", (string)row[0]!);
            Assert.Equal(aging.Where(l => l.Bucket is "91-120" or "120+").Sum(l => l.Amount ?? 0), Dec(row[3]));
        }
        Assert.Equal(result.Rows.Select(r => Dec(r[3])).OrderByDescending(x => x), result.Rows.Select(r => Dec(r[3])));
    }

    [Fact]
    public void Example_5_is_twelve_months_of_regional_DSO_from_numerator_and_denominator()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 5)[0];
        Assert.Equal(12, result.Rows.Select(r => r[0]).Distinct().Count());
        foreach (var row in result.Rows)
        {
            var periodEnd = (DateOnly)row[0]!;
            // DSO is stored with its parts (open AR x days, credit sales): the example's figure is their ratio, to 0.1 day.
            var numerator = Kpi(warehouse, "dso", "region", (string)row[1]!, periodEnd, "numerator");
            var denominator = Kpi(warehouse, "dso", "region", (string)row[1]!, periodEnd, "denominator");
            Assert.Equal(Math.Round(numerator / denominator, 1), Dec(row[2]));
        }
    }

    [Fact]
    public void Example_6_two_regions_CEI_is_their_pooled_ratio_and_lies_between_theirs()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 6)[0];
        Assert.Equal(3, result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var periodEnd = (DateOnly)row[0]!;
            decimal Part(string region, string field) => Kpi(warehouse, "cei", "region", region, periodEnd, field);
            // Pooled: (n_EMEA + n_APAC) / (d_EMEA + d_APAC), not the mean of two percentages.
            var pooled = 100 * (Part("EMEA", "numerator") + Part("APAC", "numerator")) / (Part("EMEA", "denominator") + Part("APAC", "denominator"));
            Assert.Equal(Math.Round(pooled, 6), Math.Round(Dec(row[1]), 6));
            Assert.InRange(Dec(row[1]), Math.Min(Part("EMEA", "value"), Part("APAC", "value")), Math.Max(Part("EMEA", "value"), Part("APAC", "value")));
        }
    }

    [Fact]
    public void Example_7_lists_exactly_the_alerting_bad_company_signals_of_the_month()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 7)[0];
        Assert.Equal(warehouse.Scalar<long>("""
            SELECT count(*) FROM spc_signals
            WHERE period_end = (SELECT max(period_end) FROM spc_signals) AND dimension = 'company' AND alerting AND is_bad
            """), result.Rows.Count);
    }

    [Fact]
    public void Example_8_collectors_add_up_to_every_scored_invoice_and_its_value_at_risk()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 8)[0];
        var (count, risk, open) = warehouse.Query("""
            SELECT count(*), sum(open_amount_rc * probability_late), sum(open_amount_rc) FROM payment_predictions
            WHERE as_of = (SELECT max(as_of) FROM payment_predictions)
              AND run_id = (SELECT max(run_id) FROM payment_predictions WHERE as_of = (SELECT max(as_of) FROM payment_predictions))
            """, r => (r.GetInt64(0), Convert.ToDecimal(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.GetDecimal(2))).Single();
        Assert.Equal(count, result.Rows.Sum(r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        // Value at risk = open amount x probability late, item by item; the stored probability has 4 decimals, so the
        // two differ by at most half of 0.0001 of the open amount, plus half a cent per item.
        var tolerance = 0.00005m * open + 0.005m * count;
        Assert.InRange(result.Rows.Sum(r => Dec(r[2])) - risk, -tolerance, tolerance);
    }

    [Fact]
    public void Example_9_the_13_weeks_and_the_rest_account_for_the_whole_open_AR()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 9)[0];
        Assert.Equal(Enumerable.Range(1, 13), result.Rows.Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var row in result.Rows) Assert.Equal(Dec(row[4]), Dec(row[2]) + Dec(row[3]));
        var (openAr, later, allowance) = warehouse.Query("SELECT open_ar_rc, expected_weeks_14_26_rc, allowance_rc FROM cash_forecasts WHERE as_of = (SELECT max(as_of) FROM cash_forecasts)",
            r => (r.GetDecimal(0), r.GetDecimal(1), r.GetDecimal(2))).Single();
        // open AR = what comes in weeks 1-13 + weeks 14-26 + the allowance.
        Assert.InRange(result.Rows.Sum(r => Dec(r[2])) + later + allowance - openAr, -1m, 1m);
    }

    [Fact]
    public void Example_10_the_payment_model_beats_the_customer_median()
    {
        using var warehouse = run.OpenWarehouse();
        var row = Assert.Single(Example(warehouse, 10)[0].Rows);
        Assert.Equal(warehouse.Scalar<long>("SELECT max(run_id) FROM model_runs"), Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture) > 1000);
        Assert.True(Convert.ToDouble(row[3], System.Globalization.CultureInfo.InvariantCulture) < Convert.ToDouble(row[4], System.Globalization.CultureInfo.InvariantCulture), "model MAE below the median's");
    }

    [Fact]
    public void Example_11_breaches_by_team_add_up_to_the_quarters_breached_measurements()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 11)[0];
        Assert.Equal(warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements WHERE breach AND quarter = (SELECT max(quarter) FROM sla_measurements WHERE breach)"),
            result.Rows.Sum(r => Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Example_12_every_file_accounts_for_its_rows_and_its_rejects_are_in_rejects()
    {
        using var warehouse = run.OpenWarehouse();
        var result = Example(warehouse, 12)[0];
        Assert.NotEmpty(result.Rows);
        foreach (var row in result.Rows)
        {
            Assert.Equal(Dec(row[4]), Dec(row[5]) + Dec(row[6]));
            Assert.Equal(Dec(row[6]), warehouse.Scalar<long>("SELECT count(*) FROM rejects WHERE load_id = $l AND file_name = $f",
                ("l", Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture)), ("f", (string)row[2]!)));
        }
    }

    [Fact]
    public void Example_13_unapplied_cash_by_customer_is_in_one_currency_and_adds_up_to_the_KPI()
    {
        using var warehouse = run.OpenWarehouse();
        var top = Example(warehouse, 13)[0];
        Assert.Equal(10, top.Rows.Count);
        Assert.Equal(top.Rows.Select(r => Dec(r[2])).OrderByDescending(x => x), top.Rows.Select(r => Dec(r[2])));
        // All customers (the example without its limit) add up to the unapplied-cash KPI's numerator at that month end.
        var all = AnalystSql.Run(warehouse, AnalystGuideTests.Query(13).Replace("limit 10", "", StringComparison.Ordinal));
        var monthEnd = warehouse.Scalar<DateOnly>("SELECT max(month_end) FROM fct_unapplied_cash_monthly");
        Assert.Equal(Kpi(warehouse, "unapplied_cash_pct", "company", "All", monthEnd, "numerator"), all.Rows.Sum(r => Dec(r[2])));
    }
}
