using O2C.Analytics.Analyst;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>`o2c aging --as-of` against independent computations on the sample, for three dates (issue 21).</summary>
[Collection(SamplePackCollection.Name)]
public sealed class AgingAsOfTests(SamplePackFixture run)
{
    /// <summary>At a month end it is the month-end snapshot (a separate model: int_document_open_asof_month_end), bucket by bucket, to the cent.</summary>
    [Theory]
    [InlineData("2026-09-30")]
    [InlineData("2026-10-31")]
    public void At_a_month_end_it_equals_the_snapshot_by_bucket(string day)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        using var warehouse = run.OpenWarehouse();
        var aging = AgingBuckets.Run(warehouse, SqlFolder.Default(), asOf).ToDictionary(l => l.Bucket, l => l.Amount);
        var snapshot = warehouse.Query("SELECT aging_bucket, sum(open_amount_rc) FROM fct_ar_snapshot_monthly WHERE month_end = $m GROUP BY 1",
            r => (r.GetString(0), r.GetDecimal(1)), ("m", asOf)).ToDictionary(x => x.Item1, x => (decimal?)x.Item2);
        Assert.Equal(snapshot.OrderBy(x => x.Key), aging.OrderBy(x => x.Key));
        Assert.True(aging["current"] > 10_000_000m);
    }

    /// <summary>
    /// Mid-month, against SQL written from the source tables without the balance-event model: each document's amount,
    /// less cash applied, linked credit memos and write-offs dated on or before the day, at the day's rate, bucketed
    /// by days past due on the pack's boundaries.
    /// </summary>
    [Fact]
    public void Mid_month_it_equals_an_independent_computation_from_the_source_tables()
    {
        var asOf = new DateOnly(2026, 10, 15);
        using var warehouse = run.OpenWarehouse();
        var aging = AgingBuckets.Run(warehouse, SqlFolder.Default(), asOf).ToDictionary(l => l.Bucket, l => l.Amount);
        var independent = warehouse.Query("""
            WITH docs AS (
                SELECT document_id, currency_code, due_date, signed_amount AS amount FROM stg_documents WHERE NOT is_linked_credit AND document_date <= $d
            ),
            reductions AS (
                SELECT document_id, sum(amount) AS amount FROM (
                    SELECT document_id, amount FROM stg_applications WHERE application_date <= $d
                    UNION ALL SELECT corrects_document_id, amount FROM stg_documents WHERE is_linked_credit AND document_date <= $d
                    UNION ALL SELECT document_id, amount FROM stg_write_offs WHERE write_off_date <= $d
                ) GROUP BY 1
            ),
            open AS (
                SELECT d.*, d.amount - coalesce(r.amount, 0) AS open_amount FROM docs d LEFT JOIN reductions r USING (document_id)
                WHERE d.amount - coalesce(r.amount, 0) <> 0
            ),
            rate AS (SELECT currency_code, arg_max(rate, rate_date) AS rate FROM stg_fx_rates_to_reporting WHERE rate_date <= $d GROUP BY 1)
            SELECT CASE WHEN due_date IS NULL THEN 'unapplied credit' WHEN $d - due_date <= 0 THEN 'current' WHEN $d - due_date <= 30 THEN '1-30'
                        WHEN $d - due_date <= 60 THEN '31-60' WHEN $d - due_date <= 90 THEN '61-90' WHEN $d - due_date <= 120 THEN '91-120' ELSE '120+' END,
                   sum(round(open_amount * rate, 2))
            FROM open JOIN rate USING (currency_code) GROUP BY 1
            """, r => (r.GetString(0), r.GetDecimal(1)), ("d", asOf)).ToDictionary(x => x.Item1, x => (decimal?)x.Item2);
        Assert.Equal(independent.OrderBy(x => x.Key), aging.OrderBy(x => x.Key));
    }
}
