using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Boundaries;

/// <summary>
/// A customer belongs to a month end (fct_customer_month) when it has AR at that month end, at the month end before,
/// or sales in the 3-month window. C1's only invoice (100.00, issued 15 October 2025, due 14 November) is paid on
/// 10 March 2026: at 31 March it has no AR and no sales since October, only AR at the end of February. C2's invoice
/// of 50.00 (issued 15 October, open) keeps every month end from being empty.
/// </summary>
public sealed class PaidOffCustomerBoundaryTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2025-10-15", "2025-11-14", "100.00"),
            Invoice("I2", "C2", "2025-10-15", "2025-11-14", "50.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-10,2026-03-10,100.00,USD,wire,REF1,I1");
        w.Write("applications.csv", Applications, "A1,R1,I1,2026-03-10,100.00,auto");
    }

    [Fact]
    public void A_customer_that_paid_off_its_ar_in_the_month_counts_in_it_with_the_ar_it_began_the_month_with()
    {
        var row = W.Warehouse.Query("""
            SELECT ar_begin_rc, ar_end_rc, credit_sales_3m_rc FROM fct_customer_month
            WHERE customer_id = 'C1' AND month_end = DATE '2026-03-31'
            """, r => (r.GetDecimal(0), r.GetDecimal(1), r.GetDecimal(2))).Single();
        Assert.Equal((100.00m, 0.00m, 0.00m), row);
        // CEI for March = (begin 150 + sales 0 - end 50) / (begin 150 + sales 0 - current end 0) = 100 / 150 = 66.7 %:
        // C1's 100.00 collected is in it. Without C1's row, March would begin with C2's 50 alone: 0 / 50 = 0 %.
        Assert.Equal(66.666667m, Math.Round(Value("cei", "2026-03")!.Value, 6));
    }
}
