using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Boundaries;

/// <summary>
/// Cash applied converts at the rate of its application date (fct_payment_applications), a receipt at the rate of its
/// value date (fct_receipt_cash_application): a rate published on that very date is the one used, a rate published
/// the day after is not. One EUR is 1.10 USD from 1 January 2026, 1.20
/// from 31 March and 1.50 from 1 April. Invoice X (EUR 300.00) is paid 100.00 on 30 March, 100.00 on 31 March and
/// 100.00 on 1 April.
/// </summary>
public sealed class ApplicationRateBoundaryTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1", "EUR", "EMEA"));
        w.Write("fx_rates.csv", FxRates, "2026-01-01,EUR,USD,1.10", "2026-03-31,EUR,USD,1.20", "2026-04-01,EUR,USD,1.50");
        w.Write("documents.csv", Documents, Invoice("X", "C1", "2026-03-01", "2026-03-31", "300.00", "EUR"));
        w.Write("receipts.csv", Receipts,
            "R1,C1,2026-03-30,2026-03-30,100.00,EUR,wire,REF1,X",
            "R2,C1,2026-03-31,2026-03-31,100.00,EUR,wire,REF2,X",
            "R3,C1,2026-04-01,2026-04-01,100.00,EUR,wire,REF3,X");
        w.Write("applications.csv", Applications,
            "A1,R1,X,2026-03-30,100.00,auto",
            "A2,R2,X,2026-03-31,100.00,auto",
            "A3,R3,X,2026-04-01,100.00,auto");
    }

    [Fact]
    public void Cash_applied_on_the_day_a_rate_is_published_converts_at_that_rate()
    {
        // 100.00 x 1.10 = 110.00 on 30 March; 100.00 x 1.20 = 120.00 on 31 March; 100.00 x 1.50 = 150.00 on 1 April.
        var applied = W.Warehouse.Query("SELECT application_id, amount_rc FROM fct_payment_applications ORDER BY application_id",
            r => (r.GetString(0), r.GetDecimal(1)));
        Assert.Equal([("A1", 110.00m), ("A2", 120.00m), ("A3", 150.00m)], applied);
    }

    [Fact]
    public void A_receipt_valued_on_the_day_a_rate_is_published_converts_at_that_rate()
    {
        // The same rates by value date: 110.00, 120.00, 150.00.
        var received = W.Warehouse.Query("SELECT receipt_id, amount_rc FROM fct_receipt_cash_application ORDER BY receipt_id",
            r => (r.GetString(0), r.GetDecimal(1)));
        Assert.Equal([("R1", 110.00m), ("R2", 120.00m), ("R3", 150.00m)], received);
    }
}
