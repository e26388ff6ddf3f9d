using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// A load judges only the rows its change can reach (RebuildScope). Each case here is a row no file of the load
/// touches whose fate the load changes all the same, through one path of the scope: the document a memo corrects, the
/// other applications of a receipt, a customer a resent file drops, a bank return recorded after its receipt, a row
/// another writer put in. Each was seen failing with its path taken out of the scope.
/// </summary>
public sealed class JudgedRowsTests
{
    private static void Load(TempWarehouse w) => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

    private static List<string> Rejects(TempWarehouse w) =>
        w.Warehouse.Query("SELECT file_name || ':' || line_number || ':' || reason_code FROM rejects ORDER BY ALL", r => r.GetString(0));

    private static void Base(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("documents-a.csv", Documents,
            Invoice("INV-1", "C1", "2026-03-02", "2026-04-01", "100.00"), Invoice("INV-2", "C2", "2026-03-03", "2026-04-02", "80.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-10,2026-03-10,100.00,USD,wire,E2E-1,payment INV-1");
    }

    [Fact]
    public void A_memo_is_judged_again_when_the_document_it_corrects_moves_after_it()
    {
        using var w = new TempWarehouse();
        Base(w);
        // CM-1 (10 March) corrects INV-1 (2 March), in a file of its own that the next load leaves alone.
        w.Write("documents-b.csv", Documents, "CM-1,credit_memo,C1,,,2026-03-10,2026-03-10,,10.00,USD,INV-1,,email");
        Load(w);
        Assert.Empty(Rejects(w));

        // INV-1 is re-sent dated 15 March: the memo is now dated before the document it corrects.
        w.Write("documents-a.csv", Documents,
            Invoice("INV-1", "C1", "2026-03-15", "2026-04-14", "100.00"), Invoice("INV-2", "C2", "2026-03-03", "2026-04-02", "80.00"));
        Load(w);

        Assert.Equal(["documents-b.csv:2:memo_before_corrected_document"], Rejects(w));
        Assert.Equal(0, w.Warehouse.Scalar<long>("SELECT count(*) FROM documents WHERE document_id = 'CM-1'"));
    }

    [Fact]
    public void Memos_are_rejected_when_a_resent_file_drops_the_document_they_correct()
    {
        using var w = new TempWarehouse();
        Base(w);
        // CM-1 corrects INV-1 and CM-2 corrects CM-1, in a file the next load leaves alone. (Found in review: the
        // document removed had no row left to name its key, and the memos stayed in.)
        w.Write("documents-b.csv", Documents,
            "CM-1,credit_memo,C1,,,2026-03-10,2026-03-10,,10.00,USD,INV-1,,email",
            "CM-2,credit_memo,C1,,,2026-03-11,2026-03-11,,5.00,USD,CM-1,,email");
        Load(w);
        Assert.Empty(Rejects(w));

        w.Write("documents-a.csv", Documents, Invoice("INV-2", "C2", "2026-03-03", "2026-04-02", "80.00"));
        Load(w);

        Assert.Equal(["documents-b.csv:2:unknown_document", "documents-b.csv:3:unknown_document"], Rejects(w));
        Assert.Equal(["INV-2"], w.Warehouse.Query("SELECT document_id FROM documents", r => r.GetString(0)));
    }

    [Fact]
    public void An_application_already_in_is_pushed_over_its_receipt_by_an_earlier_one_in_another_file()
    {
        using var w = new TempWarehouse();
        Base(w);
        w.Write("applications-a.csv", Applications, "A1,R1,INV-1,2026-03-20,60.00,auto");
        Load(w);

        // A2 (18 March) comes first in date order: 60.00 + 60.00 = 120.00 > R1's 100.00, so A1 (20 March) is the one over.
        w.Write("applications-b.csv", Applications, "A2,R1,INV-2,2026-03-18,60.00,auto");
        Load(w);

        Assert.Equal(["applications-a.csv:2:application_exceeds_receipt"], Rejects(w));
        Assert.Equal(["A2"], w.Warehouse.Query("SELECT application_id FROM applications", r => r.GetString(0)));
    }

    [Fact]
    public void A_document_is_rejected_when_a_resent_customer_file_drops_its_customer()
    {
        using var w = new TempWarehouse();
        Base(w);
        Load(w);

        w.Write("customers.csv", Customers, Customer("C1"));
        Load(w);

        // INV-2 (C2) names a customer that no longer exists; R1 and INV-1 (C1) stay.
        Assert.Equal(["documents-a.csv:3:unknown_customer"], Rejects(w));
        Assert.Equal(["INV-1"], w.Warehouse.Query("SELECT document_id FROM documents", r => r.GetString(0)));
    }

    [Fact]
    public void A_receipt_already_in_is_taken_back_by_a_bank_return_recorded_after_it()
    {
        using var w = new TempWarehouse();
        Base(w);
        Load(w);

        // The extract records a return of 100.00 USD with R1's reference two days after R1, and rebuilds the receipts
        // with no receipt file changed.
        w.Warehouse.Execute("""
            INSERT INTO bank_reversals VALUES ('receipts-bank-2.csv', 'statement-2.xml', 7, 'E2E-1', DATE '2026-03-12', 100.00, 'USD')
            """);
        new CanonicalLoader(w.Warehouse).LoadFiles(w.Sources, [], alsoRebuild: ["receipts"]);

        Assert.Equal(["receipts.csv:2:reversed_by_bank"], Rejects(w));
        Assert.Equal(0, w.Count("receipts"));
    }

    [Fact]
    public void A_row_another_writer_put_in_is_judged_by_the_next_load_that_rebuilds_its_table()
    {
        using var w = new TempWarehouse();
        Base(w);
        Load(w);

        // A writer other than a load (as cash matching does) puts in an application dated 5 March, before R1's value
        // date (10 March), and records it as pending.
        w.Warehouse.Execute("""
            INSERT INTO applications VALUES ('M1', 'R1', 'INV-1', DATE '2026-03-05', 50.00, 'auto', 'o2c-cash-matching-run-1', 1, 0)
            """);
        RebuildScope.Pending(w.Warehouse, "applications", "SELECT 'M1'");

        // The next load brings only a document: the applications are rebuilt (they name documents), M1 with them.
        w.Write("documents-c.csv", Documents, Invoice("INV-3", "C1", "2026-03-04", "2026-04-03", "30.00"));
        Load(w);

        Assert.Equal(["o2c-cash-matching-run-1:1:applied_before_value_date"], Rejects(w));
        Assert.Equal(0, w.Count("applications"));
        Assert.Equal(0, w.Warehouse.Scalar<long>("SELECT count(*) FROM rebuild_pending WHERE entity = 'applications'"));
    }
}
