using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// The customer score's factors at a month end (fct_customer_score_factors), hand-computed on one customer's ledger,
/// with one fact of each kind dated the day after the month end, which the month end must not see.
///
///   I0  2025-06-01, due 2025-07-01,  50.00: paid 2025-07-01 (on time; 9 months before the last 3)
///   I1  2026-01-05, due 2026-02-04, 100.00: paid 2026-02-04 (on time)
///   I2  2026-01-10, due 2026-02-09, 200.00: paid 2026-02-19 (10 days late)
///   I3  2026-02-01, due 2026-03-03, 300.00: paid 2026-03-31, on the month end (28 days late)
///   I4  2026-02-15, due 2026-03-17, 400.00: paid 2026-04-01, the day after: open and past due at 31 March
///   I5  2026-03-20, due 2026-04-19, 500.00: open, current
///   D1 opened 2026-03-31, D2 opened 2026-04-01; P1 on I5 due 2026-03-29 (grace 31 March), P2 due 2026-03-30 (grace
///   1 April), neither paid.
///
/// At 31 March 2026: settled by cash in the 12 months (April 2025 to March 2026) I0, I1, I2, I3 = 4, late 2: share 0.5;
/// days late (0 + 0 + 10 + 28) / 4 = 9.5; last 3 months 2 late of 3 against 0 of 1 before: trend 2/3 - 0 = 0.6667.
/// Broken promises 1 (P1), disputes 1 (D1). AR 400 + 500 = 900, past due 400: 0.4444; limit 100,000: use 0.009.
/// Tenure: June 2025 to March 2026 = 9 months.
/// </summary>
public sealed class CustomerScoreFactorTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public CustomerScoreFactorTests()
    {
        _w.Write("customers.csv", Customers, Customer("C1"));
        _w.Write("fx_rates.csv", FxRates, "2025-01-01,EUR,USD,1.10");
        _w.Write("documents.csv", Documents,
            Invoice("I0", "C1", "2025-06-01", "2025-07-01", "50.00"),
            Invoice("I1", "C1", "2026-01-05", "2026-02-04", "100.00"),
            Invoice("I2", "C1", "2026-01-10", "2026-02-09", "200.00"),
            Invoice("I3", "C1", "2026-02-01", "2026-03-03", "300.00"),
            Invoice("I4", "C1", "2026-02-15", "2026-03-17", "400.00"),
            Invoice("I5", "C1", "2026-03-20", "2026-04-19", "500.00"));
        _w.Write("receipts.csv", Receipts,
            "R0,C1,2025-07-01,2025-07-01,50.00,USD,wire,REF0,I0",
            "R1,C1,2026-02-04,2026-02-04,100.00,USD,wire,REF1,I1",
            "R2,C1,2026-02-19,2026-02-19,200.00,USD,wire,REF2,I2",
            "R3,C1,2026-03-31,2026-03-31,300.00,USD,wire,REF3,I3",
            "R4,C1,2026-04-01,2026-04-01,400.00,USD,wire,REF4,I4");
        _w.Write("applications.csv", Applications,
            "A0,R0,I0,2025-07-01,50.00,auto",
            "A1,R1,I1,2026-02-04,100.00,auto",
            "A2,R2,I2,2026-02-19,200.00,auto",
            "A3,R3,I3,2026-03-31,300.00,auto",
            "A4,R4,I4,2026-04-01,400.00,auto");
        _w.Write("disputes.csv", Disputes,
            "D1,dispute,I5,C1,pricing,50.00,USD,2026-03-31,,,,,client",
            "D2,dispute,I5,C1,pricing,60.00,USD,2026-04-01,,,,,client");
        _w.Write("promises_to_pay.csv", Promises,
            "P1,C1,I5,2026-03-20,2026-03-29,100.00,USD,Ann",
            "P2,C1,I5,2026-03-21,2026-03-30,100.00,USD,Ann");
        var loaded = new CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources);
        Assert.Equal(0, loaded.RowsRejected);
        WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD");
    }

    public void Dispose() => _w.Dispose();

    private T? Factor<T>(string column) => _w.Warehouse.Scalar<T>(
        $"SELECT {column} FROM fct_customer_score_factors WHERE customer_id = 'C1' AND month_end = DATE '2026-03-31'");

    [Fact]
    public void Settlements_in_the_twelve_months_to_the_month_end_and_not_the_day_after()
    {
        Assert.Equal(4L, Factor<long>("invoices_settled_12m"));
        Assert.Equal(0.5, Factor<double>("late_share_12m"), 6);
        Assert.Equal(9.5, Factor<double>("mean_days_late_12m"), 6);
        Assert.Equal(2.0 / 3.0, Factor<double>("late_share_trend"), 6);
    }

    [Fact]
    public void Broken_promises_and_disputes_up_to_the_month_end_only()
    {
        Assert.Equal(1L, Factor<long>("broken_promises_12m"));
        Assert.Equal(1L, Factor<long>("disputes_12m"));
    }

    [Fact]
    public void Past_due_share_credit_limit_use_and_tenure_at_the_month_end()
    {
        Assert.Equal(400.0 / 900.0, Factor<double>("past_due_share"), 6);
        Assert.Equal(0.009, Factor<double>("credit_limit_use"), 6);
        Assert.Equal(9L, Factor<long>("tenure_months"));
    }

    /// <summary>
    /// The scorecard's points for those values (int_customer_scorecard): late share 0.5 in 40-60 % = 1; 9.5 days
    /// late in 7-15 = 21; trend +0.67 worsening = 0; 1 broken promise = 1; 1 dispute in 1-2 = 10; past due 44 % in
    /// 25-50 % = 0; limit use 0.9 % in &lt;= 25 % = 20; tenure 9 in 6-12 = 0. Score 1 + 21 + 0 + 1 + 10 + 0 + 20 + 0 = 53:
    /// band C (50-64). Had the score seen 1 April, I4 paid would leave nothing past due (27 points: 80, band A) and
    /// the second broken promise would take the promise's 1 point.
    /// </summary>
    [Fact]
    public void Score_at_the_month_end_adds_the_points_of_each_factors_bin_and_not_the_day_after()
    {
        var row = _w.Warehouse.Query("""
            SELECT score, score_band, late_share_bin, late_share_points, days_late_points, late_trend_bin, late_trend_points,
                   broken_promises_points, disputes_bin, disputes_points, past_due_bin, past_due_points,
                   credit_limit_use_points, tenure_bin, tenure_points
            FROM fct_customer_score_monthly WHERE customer_id = 'C1' AND month_end = DATE '2026-03-31'
            """, r => Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i).ToString() ?? "").ToArray()).Single();
        Assert.Equal(["53", "C", "40-60%", "1", "21", "worsening", "0", "1", "1-2", "10", "25-50%", "0", "20", "6-12", "0"], row);
    }
}
