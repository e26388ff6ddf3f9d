using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Cash application, USD; Monday 2026-03-09 is a holiday.
/// Invoices: I1 5,000 (02-01), I2 3,000 (03-01).
///   R1 Fri 03-06 1,000 -> I1 applied Tue 03-10 (the next business day): on time
///   R2 Wed 03-11 2,000 -> I1 500 on 03-11 and 1,500 on Fri 03-13 (not complete by Thu 03-12): late
///   R3 Tue 03-31   800 -> I2 applied Wed 04-01 (the next business day): on time, April's cohort; unapplied at 31 March
///   R4 Fri 03-20   600 never applied (on account)
///   R5 Wed 03-25   250 from an unidentified payer, never applied
/// </summary>
public sealed class CashApplicationKpiTests : IClassFixture<CashApplicationKpiTests.Scenario>
{
    private readonly Scenario _s;

    public CashApplicationKpiTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, Customer("C1"));
            w.Write("holidays.csv", Holidays, "2026-03-09,Test holiday");
            w.Write("documents.csv", Documents,
                Invoice("I1", "C1", "2026-02-01", "2026-03-03", "5000.00"),
                Invoice("I2", "C1", "2026-03-01", "2026-03-31", "3000.00"));
            w.Write("receipts.csv", Receipts,
                "R1,C1,2026-03-06,2026-03-06,1000.00,USD,ach,,I1",
                "R2,C1,2026-03-11,2026-03-11,2000.00,USD,ach,,I1",
                "R3,C1,2026-03-31,2026-03-31,800.00,USD,ach,,I2",
                "R4,C1,2026-03-20,2026-03-20,600.00,USD,ach,,",
                "R5,,2026-03-25,2026-03-25,250.00,USD,wire,,");
            w.Write("applications.csv", Applications,
                "A1,R1,I1,2026-03-10,1000.00,manual", "A2,R2,I1,2026-03-11,500.00,auto", "A3,R2,I1,2026-03-13,1500.00,manual",
                "A4,R3,I2,2026-04-01,800.00,auto");
        }
    }

    [Fact]
    public void Cash_collected_is_every_receipt_by_value_date() =>
        Assert.Equal(4650m, _s.Value("cash_collected", "2026-03")); // 1,000 + 2,000 + 800 + 600 + 250

    [Fact]
    public void Unapplied_cash_includes_on_account_and_unidentified_cash()
    {
        // At 31 March: R3 800 (applied only on 1 April) + R4 600 + R5 250 = 1,650. AR: I1 5,000 - 3,000 + I2 3,000 = 5,000.
        Assert.Equal(33m, _s.Value("unapplied_cash_pct", "2026-03"));
        Assert.Equal(250m, _s.Kpi("unapplied_cash_pct", "2026-03", "region", "Unassigned").Numerator);
    }

    [Fact]
    public void Cash_posted_within_one_business_day_on_the_cohort_whose_day_has_ended()
    {
        // March cohort (next business day in March): R1 on time; R2, R4, R5 not fully applied by theirs: 1 of 4.
        Assert.Equal(25m, _s.Value("cash_posted_on_time_rate", "2026-03"));
        Assert.Equal(100m, _s.Value("cash_posted_on_time_rate", "2026-04")); // R3: deadline 04-01, applied 04-01
    }

    [Fact]
    public void Stp_needs_full_automatic_application_by_month_end() =>
        // R1 manual, R2 partly manual, R3 applied in April, R4 and R5 unapplied: 0 of 5.
        Assert.Equal(0m, _s.Value("stp_rate_count", "2026-03"));
}
