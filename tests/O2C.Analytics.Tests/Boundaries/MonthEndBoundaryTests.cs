using O2C.Analytics.CashApplication;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Boundaries;

/// <summary>
/// Issue 25: every as-of rule at its edge, on a ledger built for it. The month end is 31 March 2026 (the one before, 28
/// February). C1's ten invoices (100.00 each, issued 1 October 2025) are 0, 1, 30, 31, 60, 61, 90, 91, 120 and 121
/// days past due on 31 March. C2's events fall on 31 March or on 1 April. C3 bills in EUR. C4's AR is 1,000.00 at the
/// end of February and 3,000.00 at the end of March. C5's receipts are applied on the last day of their value month
/// or the first day after.
/// </summary>
public sealed class MonthEndBoundaryTests : IClassFixture<MonthEndBoundaryTests.Ledger>
{
    private readonly Ledger _l;

    public MonthEndBoundaryTests(Ledger ledger) => _l = ledger;

    private static readonly (int DaysPastDue, string Due)[] Aging =
    [
        (0, "2026-03-31"), (1, "2026-03-30"), (30, "2026-03-01"), (31, "2026-02-28"), (60, "2026-01-30"), (61, "2026-01-29"),
        (90, "2025-12-31"), (91, "2025-12-30"), (120, "2025-12-01"), (121, "2025-11-30"),
    ];

    public sealed class Ledger : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"), Customer("C3", "EUR", "EMEA"), Customer("C4"), Customer("C5"));
            w.Write("documents.csv", [Documents,
                .. Aging.Select(a => Invoice($"A{a.DaysPastDue:000}", "C1", "2025-10-01", a.Due, "100.00")),
                Invoice("E-ISS-ON", "C2", "2026-03-31", "2026-04-30", "100.00"),
                Invoice("E-ISS-AFTER", "C2", "2026-04-01", "2026-05-01", "100.00"),
                Invoice("E-CM-ON", "C2", "2026-03-01", "2026-04-30", "200.00"),
                "CM-ON,credit_memo,C2,,,2026-03-31,2026-03-31,,50.00,USD,E-CM-ON,,email",
                Invoice("E-CM-AFTER", "C2", "2026-03-01", "2026-04-30", "200.00"),
                "CM-AFTER,credit_memo,C2,,,2026-04-01,2026-04-01,,50.00,USD,E-CM-AFTER,,email",
                Invoice("E-PAY-ON", "C2", "2026-03-01", "2026-04-30", "300.00"),
                Invoice("E-PAY-AFTER", "C2", "2026-03-01", "2026-04-30", "300.00"),
                Invoice("E-WO-ON", "C2", "2026-03-01", "2026-04-30", "400.00"),
                Invoice("E-WO-AFTER", "C2", "2026-03-01", "2026-04-30", "400.00"),
                Invoice("X1", "C3", "2026-03-10", "2026-04-09", "100.00", "EUR"),
                Invoice("B1", "C4", "2026-02-10", "2026-03-12", "1000.00"),
                Invoice("B2", "C4", "2026-03-10", "2026-04-09", "2000.00"),
                Invoice("S1", "C5", "2026-03-01", "2026-03-31", "500.00"),
                Invoice("S2", "C5", "2026-03-01", "2026-03-31", "600.00")]);
            w.Write("receipts.csv", Receipts,
                "R-PAY-ON,C2,2026-03-31,2026-03-31,300.00,USD,wire,,",
                "R-PAY-AFTER,C2,2026-03-31,2026-03-31,300.00,USD,wire,,",
                "R-STP-ON,C5,2026-03-15,2026-03-15,500.00,USD,wire,,",
                "R-STP-AFTER,C5,2026-03-15,2026-03-15,600.00,USD,wire,,");
            w.Write("applications.csv", Applications,
                "P1,R-PAY-ON,E-PAY-ON,2026-03-31,300.00,auto",
                "P2,R-PAY-AFTER,E-PAY-AFTER,2026-04-01,300.00,auto",
                "P3,R-STP-ON,S1,2026-03-31,500.00,auto",
                "P4,R-STP-AFTER,S2,2026-04-01,600.00,auto");
            w.Write("write_offs.csv", WriteOffs, "W1,E-WO-ON,2026-03-31,100.00,small balance", "W2,E-WO-AFTER,2026-04-01,100.00,small balance");
            // One EUR is 1.00 USD until 9 March, 1.10 from 10 March, 2.00 from 11 March, 1.20 on 31 March, 3.00 from 1 April.
            w.Write("fx_rates.csv", FxRates, "2025-09-01,EUR,USD,1.00", "2026-03-09,EUR,USD,1.00", "2026-03-10,EUR,USD,1.10",
                "2026-03-11,EUR,USD,2.00", "2026-03-31,EUR,USD,1.20", "2026-04-01,EUR,USD,3.00");
        }

        public T One<T>(string sql) => W.Warehouse.Scalar<T>(sql)!;
    }

    private decimal OpenAtMarchEnd(string document) =>
        _l.W.Warehouse.Query($"SELECT open_amount FROM fct_ar_snapshot_monthly WHERE month_end = DATE '2026-03-31' AND document_id = '{document}'",
            r => r.GetDecimal(0)).SingleOrDefault();

    [Fact]
    public void Days_past_due_0_1_30_31_60_61_90_91_120_121_fall_in_their_buckets_and_past_due_starts_at_day_1()
    {
        var rows = _l.W.Warehouse.Query("""
            SELECT document_id, days_past_due, is_past_due, aging_bucket FROM fct_ar_snapshot_monthly
            WHERE month_end = DATE '2026-03-31' AND customer_id = 'C1' ORDER BY document_id
            """, r => (r.GetString(0), r.GetInt32(1), r.GetBoolean(2), r.GetString(3)));
        // 31 March less the due date, in days; past due from the first day after the due date.
        Assert.Equal(
        [
            ("A000", 0, false, "current"), ("A001", 1, true, "1-30"), ("A030", 30, true, "1-30"), ("A031", 31, true, "31-60"),
            ("A060", 60, true, "31-60"), ("A061", 61, true, "61-90"), ("A090", 90, true, "61-90"), ("A091", 91, true, "91-120"),
            ("A120", 120, true, "91-120"), ("A121", 121, true, "120+"),
        ], rows);
    }

    [Theory]
    [InlineData("E-ISS-ON", 100.00)]     // issued on 31 March: owed at 31 March
    [InlineData("E-ISS-AFTER", 0)]       // issued 1 April: not yet
    [InlineData("E-CM-ON", 150.00)]      // 200.00 less a 50.00 credit memo dated 31 March
    [InlineData("E-CM-AFTER", 200.00)]   // the memo dated 1 April does not reach back
    [InlineData("E-PAY-ON", 0)]          // 300.00 applied on 31 March: settled at 31 March
    [InlineData("E-PAY-AFTER", 300.00)]  // applied on 1 April: still owed at 31 March
    [InlineData("E-WO-ON", 300.00)]      // 400.00 less 100.00 written off on 31 March
    [InlineData("E-WO-AFTER", 400.00)]   // written off 1 April: all 400.00 at 31 March
    public void An_event_dated_on_the_month_end_counts_at_it_and_one_dated_the_day_after_does_not(string document, double open) =>
        Assert.Equal((decimal)open, OpenAtMarchEnd(document));

    [Fact]
    public void A_receipt_applied_on_the_last_day_of_its_value_month_is_straight_through_for_that_month_and_one_applied_the_day_after_is_not()
    {
        var rows = _l.W.Warehouse.Query("""
            SELECT receipt_id, applied_by_period_end, is_straight_through FROM fct_receipt_cash_application
            WHERE customer_id = 'C5' ORDER BY receipt_id
            """, r => (r.GetString(0), r.GetDecimal(1), r.GetBoolean(2)));
        Assert.Equal([("R-STP-AFTER", 0m, false), ("R-STP-ON", 500m, true)], rows);
    }

    [Fact]
    public void A_rate_published_on_the_document_date_converts_its_sales_and_one_published_the_day_after_does_not()
    {
        // EUR 100.00 invoiced 10 March at that day's 1.10 (not 9 March's 1.00, not 11 March's 2.00) = USD 110.00.
        Assert.Equal(110.00m, _l.One<decimal>("SELECT credit_sales_rc FROM fct_credit_sales_monthly WHERE month_end = DATE '2026-03-31' AND customer_id = 'C3'"));
    }

    [Fact]
    public void A_rate_published_on_the_month_end_converts_its_ar_and_one_published_the_day_after_does_not()
    {
        // EUR 100.00 open at 31 March at 31 March's 1.20 (not 1 April's 3.00) = USD 120.00.
        Assert.Equal(120.00m, _l.One<decimal>("SELECT open_amount_rc FROM fct_ar_snapshot_monthly WHERE month_end = DATE '2026-03-31' AND document_id = 'X1'"));
    }

    [Fact]
    public void Cei_begins_with_the_ar_of_the_month_end_before_and_ends_with_this_one()
    {
        // C4: B1 1,000.00 (10 February) open at 28 February; B2 2,000.00 (10 March) added: 3,000.00 at 31 March.
        var (begin, end) = _l.W.Warehouse.Query("""
            SELECT ar_begin_rc, ar_end_rc FROM fct_customer_month WHERE month_end = DATE '2026-03-31' AND customer_id = 'C4'
            """, r => (r.GetDecimal(0), r.GetDecimal(1))).Single();
        Assert.Equal((1000.00m, 3000.00m), (begin, end));
    }
}

/// <summary>Issue 25: the short-payment tolerance at its edge (15 % of the invoice) and a rejected row never in its table.</summary>
public sealed class ToleranceAndRejectBoundaryTests
{
    private static (string Rule, decimal Deduction) Short(string amount)
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents, Invoice("INV-0000100", "C1", "2026-09-01", "2026-10-01", "1000.00"));
        w.Write("receipts.csv", Receipts, $"R1,C1,2026-10-05,2026-10-05,{amount},USD,ach,,INV-0000100");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 6)));
        return (w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions")!,
            w.Warehouse.Scalar<decimal?>("SELECT sum(amount) FROM disputes WHERE dispute_kind = 'deduction'") ?? 0);
    }

    [Fact]
    public void A_payment_exactly_15_percent_short_opens_a_deduction_and_one_a_cent_more_short_is_a_partial_payment()
    {
        // 1,000.00 - 850.00 = 150.00 = 15 %: a short payment, deduction 150.00. 849.99 is 15.001 % short: a partial payment.
        Assert.Equal(("exact_reference+short_payment", 150.00m), Short("850.00"));
        Assert.Equal(("exact_reference+partial_payment", 0m), Short("849.99"));
    }

    [Fact]
    public void A_row_rejected_by_a_field_check_or_a_rule_never_reaches_its_table()
    {
        // Line 3's date is no date (a field check); line 4's amount is negative (a rule on the typed row).
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents,
            Invoice("INV-1", "C1", "2026-09-01", "2026-10-01", "100.00"),
            Invoice("INV-2", "C1", "2026-09-31", "2026-10-01", "100.00"),
            Invoice("INV-3", "C1", "2026-09-01", "2026-10-01", "-100.00"));
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(["INV-1"], w.Warehouse.Query("SELECT document_id FROM documents", r => r.GetString(0)));
        Assert.Equal([3L, 4L], w.Warehouse.Query("SELECT DISTINCT line_number FROM rejects WHERE file_name = 'documents.csv' ORDER BY 1", r => r.GetInt64(0)));
        Assert.Equal(2, result.RowsRejected);
    }
}
