using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: 3-decimal currencies (KWD 1.005) were rounded to 2 places while control totals passed on the unrounded
/// figures. Amounts keep their currency's minor units (ISO 4217: KWD 3, JPY 0, USD 2) end to end: stored exactly, and
/// an amount with more decimals than its currency uses is rejected, never rounded.
/// </summary>
public sealed class MinorUnitsTests
{
    [Fact]
    public void Each_currency_keeps_its_minor_units_and_more_decimals_are_rejected()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("K1", "KWD", "Middle East"), Customer("J1", "JPY", "Asia"), Customer("U1"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "K1", "2026-03-02", "2026-04-01", "1.005", "KWD"),     // line 2: fils, kept
            Invoice("I2", "J1", "2026-03-02", "2026-04-01", "15000", "JPY"),     // line 3
            Invoice("I3", "J1", "2026-03-02", "2026-04-01", "15000.50", "JPY"),  // line 4: yen have no decimals
            Invoice("I4", "U1", "2026-03-02", "2026-04-01", "10.005", "USD"),    // line 5: a tenth of a cent
            Invoice("I5", "U1", "2026-03-02", "2026-04-01", "10.50", "USD"));    // line 6
        w.Write("receipts.csv", Receipts, "R1,K1,2026-03-20,2026-03-20,1.005,KWD,wire,REF1,I1");
        w.Write("applications.csv", Applications,
            "A1,R1,I1,2026-03-20,1.005,auto",        // line 2: the whole invoice, to the fils
            "A2,R1,I1,2026-03-20,0.0005,auto");      // line 3: four decimals: not an amount at all

        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        Assert.Equal(["I1:1.005", "I2:15000.000", "I5:10.500"],
            w.Warehouse.Query("SELECT document_id || ':' || amount FROM documents ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(["documents.csv:4:too_many_decimals", "documents.csv:5:too_many_decimals", "applications.csv:3:unparseable_amount"],
            w.Warehouse.Query("SELECT file_name || ':' || line_number || ':' || reason_code FROM rejects ORDER BY file_name DESC, line_number", r => r.GetString(0)));
        // Paid to the fils: nothing open on I1.
        Assert.Equal(0m, w.Warehouse.Scalar<decimal>("SELECT d.amount - sum(a.amount) FROM documents d JOIN applications a USING (document_id) WHERE document_id = 'I1' GROUP BY d.amount"));
    }

    [Fact]
    public void A_bank_credit_in_kuwaiti_dinar_keeps_its_fils()
    {
        using var w = new TempWarehouse();
        var bank = Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
        File.WriteAllText(Path.Combine(bank, "kwd.xml"), BankStatementOnceTests.Camt053("KWD-0331", "2026-03-31", 100m,
            BankStatementOnceTests.Credit("BRK1", 1.005m, "INV-K1")).Replace("EUR", "KWD"));
        var config = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(config, """{ "sources": [ { "name": "bank", "kind": "camt053", "path": "bank/*.xml" } ] }""");
        var result = new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(config));
        Assert.Empty(result.Sources.Single().FilesRejected);
        Assert.Equal("KWD:1.005", w.Warehouse.Scalar<string>("SELECT currency_code || ':' || amount FROM receipts"));
    }
}
