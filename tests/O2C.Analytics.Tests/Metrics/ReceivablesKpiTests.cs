using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Receivables KPIs at 31 March 2026, all USD.
/// Customers: C1 credit limit 5,000; C2 limit 1,000; C3 no limit.
///   I1 C1 2025-11-15 due 2025-12-15 1,000  open           -> 106 days past due: 91-120
///   I2 C1 2026-01-20 due 2026-02-19 2,000  open           ->  40 days: 31-60
///   I3 C1 2026-03-10 due 2026-04-09 3,000  open           ->  current
///   I4 C2 2025-10-01 due 2025-10-31 1,500  open           -> 151 days: 120+
///   I5 C2 2026-03-01 due 2026-03-21   500  200 paid 03-25 -> 300 open, 10 days: 1-30
///   I6 C3 2026-02-01 due 2026-03-03   800  paid 2026-04-02 (after month end) -> 800 open, 28 days: 1-30
///   CM7 C3 2026-03-15 credit memo 100 not linked to an invoice -> -100, bucket 'unapplied credit'
///   I8 C3 2026-01-05 due 2026-01-30   400  paid 2026-01-25, before its due date -> not open
/// AR = C1 6,000 + C2 1,800 + C3 700 = 8,500.
/// Buckets: current 3,000; 1-30 1,100; 31-60 2,000; 61-90 0; 91-120 1,000; 120+ 1,500; unapplied credit -100 (sum 8,500).
/// </summary>
public sealed class ReceivablesKpiTests : IClassFixture<ReceivablesKpiTests.Scenario>
{
    private readonly Scenario _s;

    public ReceivablesKpiTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers,
                "C1,One,Enterprise,North America,US,USD,30,5000.00,B,Ann,Team A,true",
                "C2,Two,SMB,EMEA,GB,USD,30,1000.00,C,Bob,Team B,false",
                "C3,Three,SMB,EMEA,GB,USD,30,,A,Bob,Team B,false");
            w.Write("documents.csv", Documents,
                Invoice("I1", "C1", "2025-11-15", "2025-12-15", "1000.00"),
                Invoice("I2", "C1", "2026-01-20", "2026-02-19", "2000.00"),
                Invoice("I3", "C1", "2026-03-10", "2026-04-09", "3000.00"),
                Invoice("I4", "C2", "2025-10-01", "2025-10-31", "1500.00"),
                Invoice("I5", "C2", "2026-03-01", "2026-03-21", "500.00"),
                Invoice("I6", "C3", "2026-02-01", "2026-03-03", "800.00"),
                "CM7,credit_memo,C3,,,2026-03-15,2026-03-15,,100.00,USD,,,email",
                Invoice("I8", "C3", "2026-01-05", "2026-01-30", "400.00"));
            w.Write("receipts.csv", Receipts,
                "R1,C2,2026-03-25,2026-03-25,200.00,USD,ach,,I5",
                "R2,C3,2026-04-02,2026-04-02,800.00,USD,ach,,I6",
                "R3,C3,2026-01-25,2026-01-25,400.00,USD,ach,,I8");
            w.Write("applications.csv", Applications,
                "A1,R1,I5,2026-03-25,200.00,auto", "A2,R2,I6,2026-04-02,800.00,auto", "A3,R3,I8,2026-01-25,400.00,auto");
        }
    }

    [Fact]
    public void Total_open_ar() => Assert.Equal(8500m, _s.Value("total_open_ar", "2026-03"));

    [Fact]
    public void Credit_sales_are_the_months_invoices_less_its_credit_memos()
    {
        Assert.Equal(3000m + 500m - 100m, _s.Value("credit_sales", "2026-03")); // I3 + I5 - CM7
        Assert.Equal(2000m + 400m, _s.Value("credit_sales", "2026-01"));         // I2 + I8
        Assert.Equal(800m, _s.Value("credit_sales", "2026-02"));                 // I6
    }

    [Fact]
    public void Aging_profile_buckets_add_up_to_ar()
    {
        // Each bucket / 8,500 x 100.
        Assert.Equal(35.294118m, _s.Value("aging_current_pct", "2026-03"));           // 3,000
        Assert.Equal(12.941176m, _s.Value("aging_1_30_pct", "2026-03"));             // 300 + 800
        Assert.Equal(23.529412m, _s.Value("aging_31_60_pct", "2026-03"));            // 2,000
        Assert.Equal(0m, _s.Value("aging_61_90_pct", "2026-03"));
        Assert.Equal(11.764706m, _s.Value("aging_91_120_pct", "2026-03"));           // 1,000
        Assert.Equal(17.647059m, _s.Value("aging_120_plus_pct", "2026-03"));         // 1,500
        Assert.Equal(-1.176471m, _s.Value("aging_unapplied_credit_pct", "2026-03")); // -100
        var amounts = new[] { "current", "1_30", "31_60", "61_90", "91_120", "120_plus", "unapplied_credit" }
            .Sum(b => _s.Kpi($"aging_{b}_pct", "2026-03").Numerator);
        Assert.Equal(8500m, amounts);
    }

    [Fact]
    public void Past_due_and_over_90_days()
    {
        Assert.Equal(65.882353m, _s.Value("past_due_pct", "2026-03"));  // (1,100 + 2,000 + 1,000 + 1,500) / 8,500
        Assert.Equal(29.411765m, _s.Value("ar_over_90_pct", "2026-03")); // (1,000 + 1,500) / 8,500
    }

    [Fact]
    public void Credit_limit_breach_rate()
    {
        // C1 6,000 > 5,000 and C2 1,800 > 1,000 breach; C3 has no limit: 2 of 3 customers with AR.
        Assert.Equal((2m, 3m), (_s.Kpi("credit_limit_breach_rate", "2026-03").Numerator, _s.Kpi("credit_limit_breach_rate", "2026-03").Denominator));
        Assert.Equal(66.666667m, _s.Value("credit_limit_breach_rate", "2026-03"));
    }

    [Fact]
    public void A_payment_the_day_after_month_end_leaves_the_invoice_open_that_month() =>
        // I6 is paid on 2 April: at 31 March it is still 800 in bucket 1-30; at 30 April it is gone.
        Assert.Equal(3000m + 300m + 1500m + 1000m + 2000m - 100m, _s.Value("total_open_ar", "2026-04"));

    [Fact]
    public void Top_10_concentration_with_three_customers_is_everything() =>
        Assert.Equal(100m, _s.Value("top10_concentration", "2026-03"));

    [Fact]
    public void A_kpi_whose_source_table_is_empty_is_not_available_never_zero()
    {
        var disputes = _s.Kpi("dispute_rate", "2026-03");
        Assert.Null(disputes.Value);
        Assert.Equal("not available: no disputes loaded", disputes.Note);
        Assert.Equal("not available: no promises to pay loaded", _s.Kpi("ptp_kept_rate", "2026-03").Note);
        Assert.Equal("not available: no write offs loaded", _s.Kpi("bad_debt_writeoff_pct", "2026-03").Note);
    }
}

/// <summary>Top-10 concentration with twelve customers: C01..C12 owe 100, 200, ..., 1,200 at 31 March 2026.</summary>
public sealed class TopTenConcentrationTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", [Customers, .. Enumerable.Range(1, 12).Select(i => Customer($"C{i:00}"))]);
        w.Write("documents.csv", [Documents, .. Enumerable.Range(1, 12).Select(i => Invoice($"I{i:00}", $"C{i:00}", "2026-03-10", "2026-04-09", $"{i * 100}.00"))]);
    }

    [Fact]
    public void Ten_largest_customers_over_all()
    {
        // Top 10 = 300 + ... + 1,200 = 7,500; all = 7,800; 7,500 / 7,800 = 96.1538461...%
        var top10 = Kpi("top10_concentration", "2026-03");
        Assert.Equal((7500m, 7800m), (top10.Numerator, top10.Denominator));
        Assert.Equal(96.153846m, top10.Value);
    }
}

/// <summary>
/// Twelve-month KPIs and countback DSO. C1 is invoiced 1,000 on the 1st of every month from January 2025 to
/// January 2026 (13 invoices, 30 days' terms) and pays nothing; 300 of the January 2025 invoice is written off on
/// 2025-12-10. Month-end AR: January 2025 1,000, February 2,000, ..., November 11,000, December 12,000 - 300 = 11,700,
/// January 2026 13,000 - 300 = 12,700.
/// </summary>
public sealed class TwelveMonthKpiTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", [Documents, .. Enumerable.Range(0, 13).Select(i =>
        {
            var date = new DateOnly(2025, 1, 1).AddMonths(i);
            return Invoice($"I{i + 1:00}", "C1", date.ToString("yyyy-MM-dd"), date.AddDays(30).ToString("yyyy-MM-dd"), "1000.00");
        })]);
        w.Write("write_offs.csv", WriteOffs, "W1,I01,2025-12-10,300.00,bad debt");
    }

    [Fact]
    public void Ar_turnover_is_twelve_months_sales_over_average_of_thirteen_balances()
    {
        // Sales February 2025 - January 2026: 12,000. Balances: 1,000 + ... + 11,000 + 11,700 + 12,700 = 90,400; average 6,953.85.
        // 12,000 / (90,400 / 13) = 156,000 / 90,400 = 1.7256637...
        var turnover = Kpi("ar_turnover", "2026-01");
        Assert.Equal((156000m, 90400m), (turnover.Numerator, turnover.Denominator));
        Assert.Equal(1.725664m, turnover.Value);
        Assert.Equal("not available: needs 13 months of history", Kpi("ar_turnover", "2025-12").Note);
    }

    [Fact]
    public void Bad_debt_write_offs_over_twelve_months_sales()
    {
        Assert.Equal(2.5m, Value("bad_debt_writeoff_pct", "2026-01")); // 300 / 12,000 (February 2025 - January 2026)
        Assert.Equal(2.5m, Value("bad_debt_writeoff_pct", "2025-12")); // 300 / 12,000 (January - December 2025)
        Assert.Null(Value("bad_debt_writeoff_pct", "2025-11"));        // needs 12 months of history
    }

    [Fact]
    public void Countback_dso_walks_back_month_by_month()
    {
        // AR 12,700. Subtract January 2026 back to February 2025 (12 x 1,000, 365 days): 700 remain, less than
        // January 2025's 1,000 of sales -> 365 + 700 / 1,000 x 31 = 386.7 days.
        Assert.Equal(386.7m, Value("dso_countback", "2026-01"));
        // Period DSO for comparison: 12,700 x 92 days (Nov + Dec + Jan) / 3,000 = 389.466667.
        Assert.Equal(389.466667m, Value("dso", "2026-01"));
    }
}
