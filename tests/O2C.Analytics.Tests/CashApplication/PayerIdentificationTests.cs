using O2C.Analytics.CashApplication;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24, payer identification: a bank receipt carries no customer, only the payer's name and account as the
/// statement shows them. Known accounts and names (customer_payers.csv, the customers' own names) name the customer;
/// the receipt is then matched within that customer's open items.
/// </summary>
public sealed class PayerIdentificationTests
{
    private const string Payers = "customer_id,identifier_type,identifier";
    private const string BankReceipts = Receipts + ",payer_name,payer_account";

    private static TempWarehouse Ledger(params string[] receipts)
    {
        var w = new TempWarehouse();
        w.Write("customers.csv", Customers,
            "C1,Müller Maschinenbau GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true",
            "C2,Mueller Logistik AG,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true",
            "C3,Acme Industries Inc.,Enterprise,North America,US,USD,30,100000.00,B,Ann,Team A,true");
        w.Write("customer_payers.csv", Payers,
            "C1,account,DE89 3704 0044 0532 0130 00",
            "C3,name,ACME HOLDINGS LLC");
        w.Write("documents.csv", Documents,
            Invoice("INV-0000101", "C1", "2026-09-01", "2026-10-01", "1190.00", "EUR"),
            Invoice("INV-0000102", "C1", "2026-09-02", "2026-10-02", "2380.00", "EUR"),
            Invoice("INV-0000201", "C2", "2026-09-03", "2026-10-03", "1190.00", "EUR"),
            Invoice("INV-0000301", "C3", "2026-09-04", "2026-10-04", "5400.00"),
            Invoice("INV-0000302", "C3", "2026-09-05", "2026-10-05", "760.00"));
        w.Write("receipts.csv", [BankReceipts, .. receipts]);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        return w;
    }

    private static string Applied(TempWarehouse w) =>
        string.Join(" ", w.Warehouse.Query("SELECT receipt_id || '>' || document_id FROM applications ORDER BY 1", r => r.GetString(0)));

    [Fact]
    public void A_known_account_names_the_payer_and_the_one_open_item_of_that_amount_is_applied()
    {
        // An MT940 :86: credit: the payer's IBAN in ?31, a name the master data does not know in ?32, no invoice number.
        // 1,190.00 is open at C1 (INV-0000101) and at C2 (INV-0000201): only the account tells them apart.
        using var w = Ledger("R1,,2026-10-01,2026-10-01,1190.00,EUR,sepa,,SVWZ+Zahlung Rechnung September,M. MASCHINENBAU,DE89370400440532013000");

        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 2)));

        Assert.Equal("R1>INV-0000101", Applied(w));
        Assert.Equal("C1", w.Warehouse.Scalar<string>("SELECT customer_id FROM receipts WHERE receipt_id = 'R1'"));
        Assert.Equal("payer_account+amount", w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions WHERE receipt_id = 'R1'"));
    }

    [Fact]
    public void A_payer_name_written_as_banks_write_it_names_the_customer_after_normalisation()
    {
        // "MUELLER MASCHINENBAU G.M.B.H." is C1's "Müller Maschinenbau GmbH" (ü transliterated, legal form and
        // punctuation dropped), not C2's "Mueller Logistik AG"; "Acme Holdings, LLC" is C3's known payer name.
        using var w = Ledger(
            "R1,,2026-10-01,2026-10-01,2380.00,EUR,sepa,,PAYMENT,MUELLER MASCHINENBAU G.M.B.H.,",
            "R2,,2026-10-01,2026-10-01,760.00,USD,ach,,,\"Acme Holdings, LLC\",");

        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 2)));

        Assert.Equal("R1>INV-0000102 R2>INV-0000302", Applied(w));
        Assert.Equal(["R1:payer_name+amount", "R2:payer_name+amount"],
            w.Warehouse.Query("SELECT receipt_id || ':' || rule FROM cash_match_decisions ORDER BY 1", r => r.GetString(0)));
    }

    [Fact]
    public void A_name_that_could_be_two_customers_identifies_nobody()
    {
        // "MUELLER" alone is in both C1's and C2's names: no payer, so 1,190.00 (open at both) stays in the queue.
        using var w = Ledger("R1,,2026-10-01,2026-10-01,1190.00,EUR,sepa,,,MUELLER,");

        var result = new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 2)));

        Assert.Equal((0, 1), (result.AutoApplied, result.Exceptions));
        Assert.Equal("", Applied(w));
    }
}
