using O2C.Analytics.CashApplication;
using O2C.Analytics.Extract.Bank.Bai2;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24, found by the remittance study (o2c match evaluate): references and payers as the three statement formats
/// carry them. Each line is written as the study's statements (and real banks) write it.
/// </summary>
public sealed class StatementPayerTests
{
    [Fact]
    public void An_iso_11649_creditor_reference_names_its_invoice_and_a_wrong_check_digit_names_none()
    {
        // RF28INV0000123: 28 makes INV0000123 + "RF28" equal 1 modulo 97. RF29 is a corrupted one.
        var token = Assert.Single(RemittanceReferences.Find("NOTPROVIDED RF28INV0000123"));
        Assert.Equal(("123", true), (token.Number, token.Prefixed));
        Assert.Empty(RemittanceReferences.Find("NOTPROVIDED RF29INV0000123"));
    }

    [Theory]
    // ACH: the originator's company name (16 characters at most) and id, the addenda the remittance.
    [InlineData("ORIG CO NAME:NORDWIND HANDELS ORIG ID:1234567890 DESC DATE:261005 ENTRY DESCR:PAYMENT ADDENDA:RMR*IV*INV0000123*PI*418.60\\",
        "NORDWIND HANDELS", "1234567890", "RMR*IV*INV0000123*PI*418.60\\")]
    // A wire: ORG= the originator, ACCT= its account, OBI= the originator-to-beneficiary information.
    [InlineData("ORG=COTSWOLD RETAIL CORP. ACCT=1235213751 OBI=REMITTANCE INV-0004239", "COTSWOLD RETAIL CORP.", "1235213751", "REMITTANCE INV-0004239")]
    // No tags: all of it is remittance, nobody is named.
    [InlineData("INV 123 THANK YOU", null, null, "INV 123 THANK YOU")]
    public void A_bai2_details_text_gives_the_payer_and_the_remittance_apart(string text, string? payer, string? account, string? remittance)
    {
        string[] file =
        [
            "01,BANK,US,261005,0500,1,,,2", "02,US,BANK,1,261005,2359,USD,2", "03,4418820017,USD,010,100000,,,015,141860,,",
            $"16,165,41860,V,261005,,S0000001,,{text}", "49,283720,3", "98,283720,1,5", "99,283720,1,7",
        ];
        var credit = Assert.Single(Bai2Reader.Parse("day.bai", file).Credits);
        Assert.Equal((payer, account, remittance), (credit.CounterpartyName, credit.CounterpartyAccount, credit.RemittanceText));
    }

    private static PayerDirectory Directory(params string[] customers)
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", [Customers, .. customers.Select((name, i) => $"C{i + 1},{name},Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true")]);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        return new PayerDirectory(w.Warehouse);
    }

    [Fact]
    public void A_name_the_bank_cut_short_an_umlaut_spelt_or_stripped_and_a_name_in_free_text_each_name_their_customer()
    {
        var payers = Directory("Brightline Foods Distribution Ltd", "Müller Maschinenbau GmbH", "Tasman Outdoor Pty Ltd", "Brightline Retail Ltd");
        Assert.Equal(("C1", "payer_name"), Who(payers.Identify("BRIGHTLINE FOODS", null)));       // ACH's 16 characters of C1's name
        Assert.Null(payers.Identify("BRIGHTLINE", null));                                          // too short: C1 or C4
        // 16 characters, an ACH originator's whole field: "BRIGHTLINE RETAI" cut from C4's, and "TASMAN OUTDOOR" is C3's
        // whole name but "TASMAN OUTDOOR P" might be Tasman Outdoor Products'.
        Assert.Equal(("C4", "payer_name"), Who(payers.Identify("BRIGHTLINE RETAI", null)));
        Assert.Equal(("C2", "payer_name"), Who(payers.Identify("MULLER MASCHINENBAU", null)));    // umlaut stripped
        Assert.Equal(("C2", "payer_name"), Who(payers.Identify("MUELLER MASCHINENBAU GMBH", null))); // spelt out
        Assert.Equal(("C3", "payer_name_in_text"),
            Who(payers.InText("NONREF FROM TASMAN OUTDOOR PTY LTD ACC 062-000 12345678 SETTLEMENT")));
        Assert.Null(payers.InText("FROM BRIGHTLINE SETTLEMENT")); // one word of two customers' names names nobody
    }

    private static (string, string)? Who(IdentifiedPayer? p) => p is null ? null : (p.Customer, p.Rule);

    private static TempWarehouse Ledger(string receipt)
    {
        var w = new TempWarehouse();
        w.Write("customers.csv", Customers,
            "C1,Nordwind Handels GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true",
            "C2,Brightline Foods Ltd,Enterprise,EMEA,GB,EUR,30,100000.00,B,Ann,Team A,true");
        w.Write("customer_payers.csv", "customer_id,identifier_type,identifier", "C1,account,DE44 5001 0517 5407 3249 31");
        w.Write("documents.csv", Documents,
            Invoice("INV-0000123", "C1", "2026-08-20", "2026-09-19", "418.60", "EUR"),
            Invoice("INV-0000130", "C1", "2026-10-20", "2026-11-19", "500.00", "EUR"),
            Invoice("INV-0000131", "C1", "2026-09-01", "2026-10-01", "500.00", "EUR"),
            Invoice("INV-0000132", "C1", "2026-09-02", "2026-10-02", "640.00", "EUR"),
            Invoice("INV-0001235", "C2", "2026-09-03", "2026-10-03", "800.00", "EUR"));
        w.Write("receipts.csv", Receipts + ",payer_name,payer_account", receipt);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 26)));
        return w;
    }

    private static string Applied(TempWarehouse w) => string.Join(" ", w.Warehouse.Query("SELECT document_id FROM applications ORDER BY 1", r => r.GetString(0)));

    [Fact]
    public void A_name_as_long_as_an_ach_originators_field_may_be_cut_from_a_longer_one()
    {
        // "ATLAS OUTFITTERS" is C1's whole name less its legal form, and 16 characters: cut from C2's, maybe.
        var payers = Directory("Atlas Outfitters Inc", "Atlas Outfitters Holdings Inc", "Nordwind Handels GmbH");
        Assert.Null(payers.Identify("ATLAS OUTFITTERS", null));
        Assert.Equal(("C1", "payer_name"), Who(payers.Identify("ATLAS OUTFITTERS INC", null))); // written whole
        Assert.Equal(("C3", "payer_name"), Who(payers.Identify("NORDWIND HANDELS", null)));     // 16, but nobody else's start
    }

    [Fact]
    public void An_unknown_payer_paying_less_than_the_invoice_it_quotes_is_left_for_a_person()
    {
        // 500.00 quoting C2's INV-0001235 (800.00) from an account nobody knows: the number may be one slip from the
        // payer's own invoice. A partial payment is applied only when the payer is known to be the invoice's customer.
        using var w = Ledger("R1,,2026-10-05,2026-10-05,500.00,EUR,ach,,PMT INV-0001235,LIBERTY PACKAGIN,1567413689");
        Assert.Equal("", Applied(w));
        Assert.Equal(("exception", "exact_reference+partial_payment", 0.85m),
            w.Warehouse.Query("SELECT decision, rule, score FROM cash_match_decisions", r => (r.GetString(0), r.GetString(1), r.GetDecimal(2))).Single());
    }

    [Fact]
    public void A_known_payers_number_naming_its_own_invoice_whose_neighbour_has_the_amount_is_left_for_a_person()
    {
        // C1 pays 418.60 quoting INV-0000132 (its own, 640.00); INV-0000123, two digits swapped, is open for 418.60.
        // The number or the amount is wrong: neither a partial payment of 132 nor a guess at 123.
        using var w = Ledger("R1,,2026-10-05,2026-10-05,418.60,EUR,sepa,,SVWZ+RE INV-0000132,NORDWIND HANDELS GMBH,DE44500105175407324931");
        Assert.Equal("", Applied(w));
        var (rule, inputs) = w.Warehouse.Query("SELECT rule, inputs FROM cash_match_decisions", r => (r.GetString(0), r.GetString(1))).Single();
        Assert.Equal("exact_reference+amount_of_a_neighbour", rule);
        Assert.Contains("INV-0000132 is named, INV-0000123 one slip away is open for the amount", inputs, StringComparison.Ordinal);
        // Nothing applied, but the payer is known by its account: the unapplied cash is C1's.
        Assert.Equal("C1", w.Warehouse.Scalar<string>("SELECT customer_id FROM receipts"));
    }

    [Fact]
    public void An_unknown_payer_paying_another_customers_invoice_a_little_short_is_left_for_a_person()
    {
        // 760.00 quoting C2's INV-0001235 (800.00), 5 % short, from nobody known: not a deduction opened against C2.
        using var w = Ledger("R1,,2026-10-05,2026-10-05,760.00,EUR,sepa,,INV-0001235,TASMAN OUTDOOR PRODUCTS,99887766");
        Assert.Equal("", Applied(w));
        Assert.Equal(0L, w.Count("disputes"));
    }

    [Fact]
    public void A_credit_notes_number_and_a_dashed_date_are_no_invoice_numbers()
    {
        // GS 4790 and CM-0004790 are credit notes netted by the payer; 15-09-2026 is a date, not INV-0002026.
        Assert.Equal(["700"], RemittanceReferences.Find("INV-0000700 1.000,00 GS 4790 -150,00").Select(t => t.Number));
        Assert.Equal(["700"], RemittanceReferences.Find("RMR*IV*INV0000700*PI*850.00\\RMR*CM*CM0004790*PI*-150.00").Select(t => t.Number));
        Assert.Equal(["700"], RemittanceReferences.Find("INV-0000700 vom 15-09-2026").Select(t => t.Number));
    }

    [Fact]
    public void A_payment_run_is_looked_for_among_fewer_items_the_more_items_are_open()
    {
        // The sets of k of n open items grow as n^k/k!: an amount that is no run adds up to one of them by chance.
        Assert.Equal((4, 3, 2, 0), (PaymentRun.LargestSet(12), PaymentRun.LargestSet(25), PaymentRun.LargestSet(60), PaymentRun.LargestSet(61)));
    }

    [Fact]
    public void An_amount_only_payment_pays_what_was_invoiced_by_its_value_date()
    {
        // C1 pays 500.00 on 2026-10-05 with no reference: INV-0000131 (2026-09-01) is the one open 500.00 by then;
        // INV-0000130 of 500.00 was issued on 2026-10-20, after the money arrived.
        using var w = Ledger("R1,,2026-10-05,2026-10-05,500.00,EUR,sepa,,ZAHLUNG,NORDWIND HANDELS GMBH,DE44500105175407324931");
        Assert.Equal("INV-0000131", Applied(w));
    }

    [Fact]
    public void A_creditor_reference_on_a_camt_statement_is_applied()
    {
        // No payer name or account: the reference alone says which invoice.
        using var w = Ledger("R1,,2026-10-05,2026-10-05,418.60,EUR,sepa,,NOTPROVIDED RF28INV0000123,,");
        Assert.Equal("INV-0000123", Applied(w));
    }

    [Fact]
    public void A_payment_quoting_an_invoice_already_paid_is_a_duplicate_for_a_person_not_another_items_payment()
    {
        // INV-0000123 (418.60) was paid on 2026-09-15 by R0. R1 pays 418.60 again quoting it; INV-0000124, also 418.60,
        // open and one slip from 123, is not what R1 pays.
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, "C1,Nordwind Handels GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true");
        w.Write("customer_payers.csv", "customer_id,identifier_type,identifier", "C1,account,DE44 5001 0517 5407 3249 31");
        w.Write("documents.csv", Documents,
            Invoice("INV-0000123", "C1", "2026-08-20", "2026-09-19", "418.60", "EUR"),
            Invoice("INV-0000124", "C1", "2026-09-01", "2026-10-01", "418.60", "EUR"));
        w.Write("receipts.csv", Receipts + ",payer_name,payer_account",
            "R0,C1,2026-09-15,2026-09-15,418.60,EUR,sepa,,INV-0000123,,",
            "R1,,2026-10-05,2026-10-05,418.60,EUR,sepa,,SVWZ+INV-0000123,NORDWIND HANDELS GMBH,DE44500105175407324931");
        w.Write("applications.csv", Applications, "A0,R0,INV-0000123,2026-09-15,418.60,auto");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 26)));
        Assert.Equal("A0", string.Join(" ", w.Warehouse.Query("SELECT application_id FROM applications", r => r.GetString(0))));
        var (rule, inputs) = w.Warehouse.Query("SELECT rule, inputs FROM cash_match_decisions", r => (r.GetString(0), r.GetString(1))).Single();
        Assert.Equal("settled_document_reference", rule);
        Assert.Contains("already paid: INV-0000123 (C1's) is settled", inputs, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_amount_in_groups_of_three_is_an_amount_not_a_document_number()
    {
        // JPY has no minor units: "less 69,129 freight" is 69,129 yen deducted, and 129 is no invoice.
        var stated = Assert.Single(RemittanceAdjustments.Read("INV-0002618 less 69,129 freight"));
        Assert.Equal((AdjustmentKind.Deduction, 69129m, "delivery"), (stated.Kind, stated.Amount, stated.Category));
        Assert.Equal(["2618"], RemittanceReferences.Find("INV-0002618 less 69,129 freight").Select(t => t.Number));
    }
}

/// <summary>Whatever a payer or a bank writes, reading it never throws (found by the study: two readings of one amount).</summary>
public sealed class RemittanceReadingFuzzTests
{
    [Fact]
    public void Random_remittance_text_is_read_without_an_exception()
    {
        var random = new Random(24);
        string[] pieces = ["less ", "LESS ", "1,250", "1.250,00", "25", ",00", " Skonto ", "2%", " 3 % ", "INV-", "0001234", "RF28INV0000123", "GS ",
            "RMR*IV*", "*PI*", "850.00", "\\", "ADX*-25.00*CS", "abzgl. ", "69,129", " freight", "15-09-2026", "vom 20.08.2026", "#", "IVN", "lNV-", "O", " ", "DISCOUNT ", "12", " 345.00"];
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var references = RemittanceReferences.Find(text);
            var adjustments = RemittanceAdjustments.Read(text);
            Assert.All(adjustments, a => Assert.True(a.Amount is null or >= 0, text));
            Assert.All(references, r => Assert.Matches("^[0-9]+$", r.Number));
        }
    }
}
