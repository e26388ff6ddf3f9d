using O2C.Analytics.CashApplication;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Rows cash matching writes (applications, deductions) stay in their tables through later loads and take part in
/// their checks like file rows; a load that takes one out takes out that row alone. (A review found two runs' rows
/// sharing a file name and line, so one run's over-applied receipt took the other run's application out too.)
/// </summary>
public sealed class CashMatchedRowsInLoadsTests
{
    [Fact]
    public void A_later_file_application_takes_out_only_the_cash_matched_row_it_over_applies()
    {
        using var w = new TempWarehouse();
        void Deliver(string name, params string[] lines)
        {
            w.Write(name, lines);
            new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        }
        Deliver("customers.csv", Customers, Customer("C1"));
        Deliver("documents.csv", Documents, Invoice("INV-1001", "C1", "2026-03-02", "2026-04-01", "100.00"),
            Invoice("INV-2002", "C1", "2026-03-02", "2026-04-01", "250.00"));
        Deliver("receipts-1.csv", Receipts, "R1,C1,2026-03-20,2026-03-20,100.00,USD,wire,REF1,payment INV-1001");
        Assert.Equal(1, new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 3, 25))).AutoApplied);
        Deliver("receipts-2.csv", Receipts, "R2,C1,2026-03-21,2026-03-21,250.00,USD,wire,REF2,payment INV-2002");
        Assert.Equal(1, new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 3, 26))).AutoApplied);
        // Each written row is its own file and line, as the loader tells rows apart.
        Assert.Equal(2, w.Warehouse.Scalar<long>("SELECT count(DISTINCT (source_file, source_line)) FROM applications"));

        // The ERP's own application of R1 arrives, dated before the match: R1's 100.00 is applied twice, and the later
        // application (the match of run 1, by date) is the one over the receipt. R2's match has nothing to do with it.
        Deliver("applications.csv", Applications, "A1,R1,INV-1001,2026-03-20,100.00,manual");

        Assert.Equal(["A1:R1", "MATCH-2-1:R2"],
            w.Warehouse.Query("SELECT application_id || ':' || receipt_id FROM applications ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(["MATCH-1-1"], w.Warehouse.Query("SELECT application_id FROM kept_out.applications", r => r.GetString(0)));
        Assert.Equal(["MATCH-1-1:application_exceeds_receipt"], w.Warehouse.Query("""
            SELECT k.application_id || ':' || j.reason_code FROM rejects j
            JOIN kept_out.applications k ON k.source_file = j.file_name AND k.source_line = j.line_number
            """, r => r.GetString(0)));
        Assert.Equal(1, w.Count("rejects"));
    }

    /// <summary>
    /// A receipt its file sends without a payer, identified by cash matching and applied: when the file comes again
    /// (unchanged for R1, a new R2 beside it) R1 keeps the payer matching found, so it is never applied to C1's invoice
    /// while its own customer is empty. (Found in review: the replaced row came back with no customer.)
    /// </summary>
    [Fact]
    public void A_receipt_identified_by_matching_keeps_its_payer_when_its_file_is_sent_again()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents, Invoice("INV-1001", "C1", "2026-03-02", "2026-04-01", "100.00"));
        w.Write("receipts.csv", Receipts, "R1,,2026-03-20,2026-03-20,100.00,USD,wire,REF1,INV-1001");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(1, new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 3, 25))).AutoApplied);
        Assert.Equal("C1", w.Warehouse.Scalar<string>("SELECT customer_id FROM receipts WHERE receipt_id = 'R1'"));

        w.Write("receipts.csv", Receipts, "R1,,2026-03-20,2026-03-20,100.00,USD,wire,REF1,INV-1001", "R2,,2026-03-21,2026-03-21,5.00,USD,wire,REF2,");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        Assert.Equal(["R1:C1", "R2:-"], w.Warehouse.Query("SELECT receipt_id || ':' || coalesce(customer_id, '-') FROM receipts ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(1, w.Count("applications WHERE receipt_id = 'R1'"));
        Assert.Equal(0, w.Count("rejects"));
    }
}
