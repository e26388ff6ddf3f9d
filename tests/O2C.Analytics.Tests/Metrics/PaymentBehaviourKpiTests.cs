using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Payment behaviour in March 2026. EUR->USD 1.10 from 2026-01-01 and 1.20 from 2026-03-16.
///   I1 C1 USD order 01-20, invoice 02-01, due 03-03, 1,000: 600 paid 02-25, 400 paid 03-10 (7 days late) -> settled 03-10
///   I2 C1 USD order 02-25, invoice 03-01, due 03-31,   500: paid in full 03-20, before its due date
///   I3 C2 EUR no order,    invoice 02-10, due 03-12,   200: paid 03-17 (5 days late); 200 EUR = 240.00 USD at 03-17
///   I4 C1 USD              invoice 02-20, due 03-22,   300: cleared by a credit memo on 03-05 (not paid: excluded)
///   I5 C1 USD              invoice 03-15, due 04-14,   700: paid 04-01, after month end (April)
/// Cash applied in March: 400 (I1), 500 (I2), 240.00 (I3) = 1,140.00.
/// </summary>
public sealed class PaymentBehaviourKpiTests : IClassFixture<PaymentBehaviourKpiTests.Scenario>
{
    private readonly Scenario _s;

    public PaymentBehaviourKpiTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, Customer("C1"), Customer("C2", "EUR", "EMEA"));
            w.Write("fx_rates.csv", FxRates, "2026-01-01,EUR,USD,1.10", "2026-03-16,EUR,USD,1.20");
            w.Write("documents.csv", Documents,
                "I1,invoice,C1,2026-01-20,,2026-02-01,2026-02-01,2026-03-03,1000.00,USD,,,email",
                "I2,invoice,C1,2026-02-25,,2026-03-01,2026-03-01,2026-03-31,500.00,USD,,,email",
                Invoice("I3", "C2", "2026-02-10", "2026-03-12", "200.00", "EUR"),
                Invoice("I4", "C1", "2026-02-20", "2026-03-22", "300.00"),
                "CM4,credit_memo,C1,,,2026-03-05,2026-03-05,,300.00,USD,I4,,email",
                Invoice("I5", "C1", "2026-03-15", "2026-04-14", "700.00"));
            w.Write("receipts.csv", Receipts,
                "R1,C1,2026-02-25,2026-02-25,600.00,USD,ach,,I1", "R2,C1,2026-03-10,2026-03-10,400.00,USD,ach,,I1",
                "R3,C1,2026-03-20,2026-03-20,500.00,USD,ach,,I2", "R4,C2,2026-03-17,2026-03-17,200.00,EUR,sepa,,I3",
                "R5,C1,2026-04-01,2026-04-01,700.00,USD,ach,,I5");
            w.Write("applications.csv", Applications,
                "A1,R1,I1,2026-02-25,600.00,auto", "A2,R2,I1,2026-03-10,400.00,auto", "A3,R3,I2,2026-03-20,500.00,auto",
                "A4,R4,I3,2026-03-17,200.00,manual", "A5,R5,I5,2026-04-01,700.00,auto");
        }
    }

    [Fact]
    public void Average_days_to_pay_is_weighted_by_the_amount_applied()
    {
        // 400 x 37 (03-10 - 02-01) + 500 x 19 (03-20 - 03-01) + 240 x 35 (03-17 - 02-10) = 14,800 + 9,500 + 8,400 = 32,700
        // 32,700 / 1,140 = 28.6842105...
        Assert.Equal(28.684211m, _s.Value("avg_days_to_pay", "2026-03"));
        Assert.Equal(24m, _s.Value("avg_days_to_pay", "2026-02")); // 600 x 24 (02-25 - 02-01) / 600
    }

    [Fact]
    public void Average_days_late_counts_on_time_cash_as_zero() =>
        // 400 x 7 + 500 x 0 + 240 x 5 = 4,000; 4,000 / 1,140 = 3.5087719...
        Assert.Equal(3.508772m, _s.Value("avg_days_late", "2026-03"));

    [Fact]
    public void On_time_rate_by_count_and_value()
    {
        // Settled by cash in March: I1 (late), I2 (on time), I3 (late); I4 was settled by a credit memo.
        Assert.Equal(33.333333m, _s.Value("on_time_rate_count", "2026-03"));
        // By invoice value: I2 500 on time of 1,000 + 500 + 200 EUR x 1.10 (rate of its invoice date) = 1,720 -> 29.0697674...%
        Assert.Equal(29.069767m, _s.Value("on_time_rate_value", "2026-03"));
    }

    [Fact]
    public void Order_to_cash_cycle_time_from_order_to_settlement()
    {
        // I1 03-10 - 01-20 = 49; I2 03-20 - 02-25 = 23; I3 (no order date) 03-17 - 02-10 = 35: 107 / 3 = 35.666667
        Assert.Equal(35.666667m, _s.Value("o2c_cycle_time", "2026-03"));
        Assert.Equal(17m, _s.Value("o2c_cycle_time", "2026-04")); // I5 04-01 - 03-15
    }
}
