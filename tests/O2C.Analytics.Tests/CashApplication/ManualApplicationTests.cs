using O2C.Analytics.Audit;
using O2C.Analytics.CashApplication;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24: a person applying an exception teaches the payer. "NORDLICHT TRADING" pays for C1 from an account the
/// master data does not know; once a person applies one of its receipts to C1's invoice, the next receipt from that
/// account matches by itself, and the audit log says who taught it what.
/// </summary>
public sealed class ManualApplicationTests
{
    private const string Bank = "receipts-bank.csv";

    private static TempWarehouse Ledger()
    {
        var w = new TempWarehouse();
        w.Write("customers.csv", Customers,
            "C1,Nordwind Handels GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true",
            "C2,Brightline Foods Ltd,Enterprise,EMEA,GB,EUR,30,100000.00,B,Ann,Team A,true");
        w.Write("documents.csv", Documents,
            Invoice("INV-0000701", "C1", "2026-09-01", "2026-10-01", "980.00", "EUR"),
            Invoice("INV-0000702", "C1", "2026-09-15", "2026-10-15", "1540.00", "EUR"),
            Invoice("INV-0000801", "C2", "2026-09-15", "2026-10-15", "1540.00", "EUR"));
        w.Write(Bank, Receipts + ",payer_name,payer_account",
            "R1,,2026-10-01,2026-10-01,980.00,EUR,sepa,,SVWZ+Sammelzahlung,NORDLICHT TRADING,DE12 1001 0010 0987 6543 21");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        return w;
    }

    [Fact]
    public void A_persons_application_teaches_the_payer_and_the_next_receipt_from_it_matches_by_itself()
    {
        using var w = Ledger();
        // Nothing says who NORDLICHT TRADING is: an exception.
        var first = new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 2)));
        Assert.Equal((0, 1), (first.AutoApplied, first.Exceptions));

        var decision = new ManualApplication(w.Warehouse).Apply("R1", ["INV-0000701"], "anna.berg", new DateOnly(2026, 10, 2));

        Assert.Equal(["account DE12100100100987654321 -> C1", "name NORDLICHT TRADING -> C1"], decision.Learned);
        Assert.Equal("R1|INV-0000701|980.000|manual", w.Warehouse.Scalar<string>(
            "SELECT receipt_id || '|' || document_id || '|' || amount || '|' || match_method FROM applications"));
        Assert.Equal("C1", w.Warehouse.Scalar<string>("SELECT customer_id FROM receipts WHERE receipt_id = 'R1'"));
        var audit = new AuditLog(w.Warehouse).LatestOf(AuditLog.CashApplied)!;
        Assert.Equal("receipt R1 applied by anna.berg to INV-0000701 (980.00 EUR); learned: account DE12100100100987654321 -> C1, name NORDLICHT TRADING -> C1", audit.Detail);
        Assert.True(new AuditLog(w.Warehouse).Verify().Intact);

        // The next statement from the same account: 1,540.00 with no reference. 1,540.00 is open at C1 and at C2:
        // only the learned account says it is C1's.
        w.Write(Bank, Receipts + ",payer_name,payer_account",
            "R1,,2026-10-01,2026-10-01,980.00,EUR,sepa,,SVWZ+Sammelzahlung,NORDLICHT TRADING,DE12 1001 0010 0987 6543 21",
            "R2,,2026-10-16,2026-10-16,1540.00,EUR,sepa,,SVWZ+Sammelzahlung,NORDLICHT TRADING GMBH,DE12100100100987654321");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        var next = new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 17)));

        Assert.Equal((1, 0), (next.AutoApplied, next.Exceptions));
        Assert.Equal("INV-0000702", w.Warehouse.Scalar<string>("SELECT document_id FROM applications WHERE receipt_id = 'R2'"));
        Assert.Equal("payer_account+amount", w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions WHERE receipt_id = 'R2'"));
    }

    [Fact]
    public void A_manual_application_is_refused_when_it_would_overapply_or_mix_customers()
    {
        using var w = Ledger();
        var application = new ManualApplication(w.Warehouse);
        Assert.Equal("R1 has 980.00 EUR left to apply; INV-0000701 and INV-0000702 are open for 2,520.00",
            Assert.Throws<ArgumentException>(() => application.Apply("R1", ["INV-0000701", "INV-0000702"], "anna.berg", new DateOnly(2026, 10, 2))).Message);
        Assert.Equal("INV-0000701 and INV-0000801 belong to different customers (C1, C2): a receipt pays one customer's documents",
            Assert.Throws<ArgumentException>(() => application.Apply("R1", ["INV-0000701", "INV-0000801"], "anna.berg", new DateOnly(2026, 10, 2))).Message);
        Assert.Equal("no receipt R9", Assert.Throws<ArgumentException>(() => application.Apply("R9", ["INV-0000701"], "anna.berg", new DateOnly(2026, 10, 2))).Message);
        Assert.Equal(0, w.Count("applications"));
        Assert.Equal(0, w.Count("payer_aliases"));
    }
}
