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
///
/// C2 has settlements on the edges of the windows, no credit limit (0), and AR exactly a quarter past due:
///   J1  due 2025-03-01, paid 2025-03-31 (30 days late): in March 2025, exactly 12 months back, so outside the 12
///   J2  due 2025-04-10, paid 2025-04-15 (5 days late): inside the 12, before the last 3
///   J3  due 2025-12-20, paid 2025-12-31 (11 days late): in December, exactly 3 months back, so outside the last 3
///   J4  due 2026-01-01, paid 2026-01-10 (9 days late): inside the last 3
///   J5  300.00 due 2026-03-31 (0 days: not past due) and J6 100.00 due 2026-03-30 (1 day): open
/// At 31 March: settled 3 (J2, J3, J4), all late: share 1; days (5 + 11 + 9) / 3 = 8.3333; last 3 months 1 of 1 late
/// against 2 of 2 before: trend 1 - 1 = 0. Past due 100 / 400 = 0.25. No limit: use unknown. Tenure February 2025 to
/// March 2026 = 13 months.
/// C3 bills in EUR with a limit of 1,000.00 EUR; its one invoice, 500.00 EUR, is open and current. One EUR is 1.10 USD
/// until 30 March 2026 and 2.00 from 31 March, the month end: AR 1,000.00 USD, limit 2,000.00 USD, use exactly 0.5.
/// C4's one settlement in the 12 months is in June 2025 (10 days late), none in the last 3; an invoice of March is open.
/// C5's one settlement is in the last 3 months (20 February, on time) and nothing is open at 31 March: AR 0.
/// </summary>
public sealed class CustomerScoreFactorTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public CustomerScoreFactorTests()
    {
        _w.Write("customers.csv", Customers, Customer("C1"),
            "C2,Customer C2,Enterprise,North America,US,USD,30,0.00,B,Ann,Team A,true",
            "C3,Customer C3,Enterprise,EMEA,DE,EUR,30,1000.00,B,Ann,Team A,true", Customer("C4"), Customer("C5"));
        _w.Write("fx_rates.csv", FxRates, "2025-01-01,EUR,USD,1.10", "2026-03-31,EUR,USD,2.00");
        _w.Write("documents.csv", Documents,
            Invoice("J1", "C2", "2025-02-01", "2025-03-01", "10.00"),
            Invoice("J2", "C2", "2025-03-11", "2025-04-10", "20.00"),
            Invoice("J3", "C2", "2025-11-20", "2025-12-20", "30.00"),
            Invoice("J4", "C2", "2025-12-02", "2026-01-01", "40.00"),
            Invoice("J5", "C2", "2026-03-01", "2026-03-31", "300.00"),
            Invoice("J6", "C2", "2026-02-28", "2026-03-30", "100.00"),
            Invoice("K1", "C3", "2026-03-15", "2026-04-14", "500.00", "EUR"),
            Invoice("K4A", "C4", "2025-05-01", "2025-05-31", "60.00"),
            Invoice("K4B", "C4", "2026-03-10", "2026-04-09", "70.00"),
            Invoice("K5", "C5", "2026-02-02", "2026-03-04", "80.00"),
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
            "R4,C1,2026-04-01,2026-04-01,400.00,USD,wire,REF4,I4",
            "RJ1,C2,2025-03-31,2025-03-31,10.00,USD,wire,REFJ1,J1",
            "RJ2,C2,2025-04-15,2025-04-15,20.00,USD,wire,REFJ2,J2",
            "RJ3,C2,2025-12-31,2025-12-31,30.00,USD,wire,REFJ3,J3",
            "RJ4,C2,2026-01-10,2026-01-10,40.00,USD,wire,REFJ4,J4",
            "RK4,C4,2025-06-10,2025-06-10,60.00,USD,wire,REFK4,K4A",
            "RK5,C5,2026-02-20,2026-02-20,80.00,USD,wire,REFK5,K5");
        _w.Write("applications.csv", Applications,
            "A0,R0,I0,2025-07-01,50.00,auto",
            "A1,R1,I1,2026-02-04,100.00,auto",
            "A2,R2,I2,2026-02-19,200.00,auto",
            "A3,R3,I3,2026-03-31,300.00,auto",
            "A4,R4,I4,2026-04-01,400.00,auto",
            "AJ1,RJ1,J1,2025-03-31,10.00,auto",
            "AJ2,RJ2,J2,2025-04-15,20.00,auto",
            "AJ3,RJ3,J3,2025-12-31,30.00,auto",
            "AJ4,RJ4,J4,2026-01-10,40.00,auto",
            "AK4,RK4,K4A,2025-06-10,60.00,auto",
            "AK5,RK5,K5,2026-02-20,80.00,auto");
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

    private T? Factor<T>(string column, string customer = "C1") => _w.Warehouse.Scalar<T>(
        $"SELECT {column} FROM fct_customer_score_factors WHERE customer_id = '{customer}' AND month_end = DATE '2026-03-31'");

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

    [Fact]
    public void A_settlement_exactly_12_or_3_months_back_is_outside_its_window()
    {
        Assert.Equal(3L, Factor<long>("invoices_settled_12m", "C2"));
        Assert.Equal(1.0, Factor<double>("late_share_12m", "C2"), 6);
        Assert.Equal(25.0 / 3.0, Factor<double>("mean_days_late_12m", "C2"), 6);
        Assert.Equal(0.0, Factor<double>("late_share_trend", "C2"), 6);
        Assert.Equal(13L, Factor<long>("tenure_months", "C2"));
    }

    [Fact]
    public void Ar_exactly_a_quarter_past_due_and_no_credit_limit_are_a_share_of_0_25_and_no_use()
    {
        Assert.Equal(0.25, Factor<double>("past_due_share", "C2"), 6);
        Assert.Null(Factor<double?>("credit_limit_use", "C2"));
    }

    [Fact]
    public void A_credit_limit_converts_at_the_rate_published_on_the_month_end()
    {
        Assert.Equal(0.5, Factor<double>("credit_limit_use", "C3"), 6);
        Assert.Equal(0.0, Factor<double>("past_due_share", "C3"), 6);
        // No settlement in 12 months: late share and days late unknown, the trend steady at 0.
        Assert.Equal((0L, (double?)null, (double?)null, 0.0), (Factor<long>("invoices_settled_12m", "C3"), Factor<double?>("late_share_12m", "C3"),
            Factor<double?>("mean_days_late_12m", "C3"), Factor<double>("late_share_trend", "C3")));
    }

    [Fact]
    public void The_trend_is_0_when_the_last_3_months_or_the_9_before_have_no_settlement_and_no_ar_is_none_past_due()
    {
        // C4: 1 settled in the 12 months, 10 days late, none in the last 3: late share 1, trend 0 (nothing to compare).
        Assert.Equal((1L, 1.0, 10.0, 0.0), (Factor<long>("invoices_settled_12m", "C4"), Factor<double>("late_share_12m", "C4"),
            Factor<double>("mean_days_late_12m", "C4"), Factor<double>("late_share_trend", "C4")));
        // C5: 1 settled, in the last 3 months, none in the 9 before: trend 0; no AR at the month end: past due share 0.
        Assert.Equal((1L, 0.0, 0.0), (Factor<long>("invoices_settled_12m", "C5"), Factor<double>("late_share_trend", "C5"), Factor<double>("past_due_share", "C5")));
    }
}
