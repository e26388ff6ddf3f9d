using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: missing FX rates gave total open AR 0 (not "not available") with no warning; a month with no open AR was
/// 0 in one case and "not available" in another.
/// Data: C1 bills in USD, C2 in EUR. I1 USD 1,000.00 (2026-01-10), paid in full on 2026-01-20 by R1. I2 EUR 500.00
/// (2026-02-05), open to the end. The only EUR->USD rate is 1.10 from 2026-03-15. I3 USD 200.00 (2026-03-05), open.
/// </summary>
public sealed class MissingRatesAndZeroArTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2", "EUR", "Europe"));
        w.Write("fx_rates.csv", FxRates, "2026-03-15,EUR,USD,1.10");
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-01-10", "2026-02-09", "1000.00"),
            Invoice("I2", "C2", "2026-02-05", "2026-03-07", "500.00", "EUR"),
            Invoice("I3", "C1", "2026-03-05", "2026-04-04", "200.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-01-20,2026-01-20,1000.00,USD,wire,REF1,I1");
        w.Write("applications.csv", Applications, "A1,R1,I1,2026-01-20,1000.00,auto");
    }

    [Fact]
    public void A_month_end_whose_open_items_cannot_be_converted_is_not_available_naming_the_currency_and_date()
    {
        // February: I2 (EUR 500.00) is open and no EUR rate exists on or before 2026-02-28. Summing what converts would
        // say 0.00, which is false.
        var february = Kpi("total_open_ar", "2026-02");
        Assert.Null(february.Value);
        Assert.Equal("not available: no EUR rate into USD on or before 2026-02-28 (1 open items or unapplied receipts cannot be converted)", february.Note);
        Assert.Null(Kpi("total_open_ar", "2026-02", "region", "North America").Value);
        // March: 1.10 from 03-15 converts I2 at the month end: 500.00 x 1.10 = 550.00, plus I3 200.00 = 750.00.
        Assert.Equal(750.00m, Value("total_open_ar", "2026-03"));
        Assert.Equal(["no EUR -> USD rate on or before 2026-02-28: 1 open items cannot be converted, so those months' balance KPIs are not available; load the rates and refresh"],
            WarehouseRefresh.MissingRates(W.Warehouse));
    }

    [Fact]
    public void A_month_with_no_open_AR_is_zero()
    {
        // January: I1 was issued and paid within the month: 1,000.00 - 1,000.00 = 0 open at 2026-01-31.
        var january = Kpi("total_open_ar", "2026-01");
        Assert.Equal(0m, january.Value);
        Assert.Null(january.Note);
    }

    [Fact]
    public void A_member_with_no_open_AR_is_zero_like_any_other_and_its_shares_have_nothing_to_measure()
    {
        // January: Europe (C2) has nothing open yet (I2 comes in February); North America's I1 was paid. Both are 0 open
        // AR (a member with no items once had no row at all), and a share of 0 open AR has nothing to measure.
        foreach (var region in new[] { "Europe", "North America" })
        {
            var open = Kpi("total_open_ar", "2026-01", "region", region);
            Assert.Equal((0m, (string?)null), (open.Value, open.Note));
            var over90 = Kpi("ar_over_90_pct", "2026-01", "region", region);
            Assert.Equal(((decimal?)null, "not available: nothing to measure for this month and member (denominator 0)"), (over90.Value, over90.Note));
        }
        // The company level says the same in the same words.
        Assert.Equal("not available: nothing to measure for this month and member (denominator 0)", Kpi("ar_over_90_pct", "2026-01").Note);
    }
}

/// <summary>
/// Zero open AR when nothing at all happens in a month: I1 USD 1,000.00 issued 2026-01-10 and paid 2026-01-20; no
/// document, receipt or activity in February; I3 USD 200.00 on 2026-03-05. February's total open AR is 0, like
/// January's, not "not available".
/// </summary>
public sealed class QuietMonthTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-01-10", "2026-02-09", "1000.00"),
            Invoice("I3", "C1", "2026-03-05", "2026-04-04", "200.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-01-20,2026-01-20,1000.00,USD,wire,REF1,I1");
        w.Write("applications.csv", Applications, "A1,R1,I1,2026-01-20,1000.00,auto");
    }

    [Fact]
    public void A_month_with_nothing_open_and_nothing_happening_is_zero_as_well()
    {
        foreach (var month in new[] { "2026-01", "2026-02" })
        {
            var value = Kpi("total_open_ar", month);
            Assert.Equal((0m, (string?)null), (value.Value, value.Note));
        }
        Assert.Equal(200.00m, Value("total_open_ar", "2026-03"));
    }
}
