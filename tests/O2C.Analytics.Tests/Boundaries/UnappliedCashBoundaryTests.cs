using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Boundaries;

/// <summary>
/// Unapplied cash at a month end (fct_unapplied_cash_monthly): a receipt applied on the month end itself is no longer
/// unapplied at it, one applied the day after still is, a receipt fully applied has no row at all, and the balance
/// converts at the rate published on the month end. One EUR is 1.10 USD from 1 January 2026, 1.20 from 31 March and
/// 1.50 from 1 April. Three receipts of EUR 100.00 arrive on 10 March: U1 is applied on 31 March, U2 never, U3 on
/// 1 April.
/// </summary>
public sealed class UnappliedCashBoundaryTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1", "EUR", "EMEA"));
        w.Write("fx_rates.csv", FxRates, "2026-01-01,EUR,USD,1.10", "2026-03-31,EUR,USD,1.20", "2026-04-01,EUR,USD,1.50");
        w.Write("documents.csv", Documents,
            Invoice("X1", "C1", "2026-03-01", "2026-03-31", "100.00", "EUR"),
            Invoice("X3", "C1", "2026-03-01", "2026-03-31", "100.00", "EUR"));
        w.Write("receipts.csv", Receipts,
            "U1,C1,2026-03-10,2026-03-10,100.00,EUR,wire,REF1,",
            "U2,C1,2026-03-10,2026-03-10,100.00,EUR,wire,REF2,",
            "U3,C1,2026-03-10,2026-03-10,100.00,EUR,wire,REF3,");
        w.Write("applications.csv", Applications,
            "A1,U1,X1,2026-03-31,100.00,manual",
            "A3,U3,X3,2026-04-01,100.00,manual");
    }

    [Fact]
    public void Cash_applied_on_the_month_end_is_not_unapplied_at_it_and_the_rest_converts_at_the_month_ends_rate()
    {
        // 31 March: U2 and U3 unapplied, EUR 100.00 x 1.20 = 120.00 each. 30 April: U2 only, 100.00 x 1.50 = 150.00.
        // U1 (applied 31 March) has no row, nor U3 in April: a receipt fully applied is not kept at 0.
        var unapplied = W.Warehouse.Query("""
            SELECT CAST(month_end AS VARCHAR), receipt_id, unapplied_amount, unapplied_amount_rc
            FROM fct_unapplied_cash_monthly ORDER BY month_end, receipt_id
            """, r => (r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetDecimal(3)));
        Assert.Equal(
        [
            ("2026-03-31", "U2", 100.000m, 120.00m),
            ("2026-03-31", "U3", 100.000m, 120.00m),
            ("2026-04-30", "U2", 100.000m, 150.00m),
        ], unapplied);
    }
}
