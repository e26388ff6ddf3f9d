using O2C.Analytics.CashApplication;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24: remittance as payers write it, one kind per test, each a line as it appears on a statement. C1 pays from
/// a known account (DE44 5001 0517 5407 3249 31); C2 is another customer whose invoice numbers sit one digit away
/// from C1's.
/// </summary>
public sealed class RemittanceKindTests
{
    private const string C1Account = "DE44500105175407324931";

    private static TempWarehouse Ledger(string receipt)
    {
        var w = new TempWarehouse();
        w.Write("customers.csv", Customers,
            "C1,Nordwind Handels GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true",
            "C2,Brightline Foods Ltd,Enterprise,EMEA,GB,EUR,30,100000.00,B,Ann,Team A,true");
        w.Write("customer_payers.csv", "customer_id,identifier_type,identifier", "C1,account,DE44 5001 0517 5407 3249 31");
        w.Write("documents.csv", Documents,
            Invoice("INV-0000123", "C1", "2026-08-20", "2026-09-19", "418.60", "EUR"),
            Invoice("INV-0001234", "C1", "2026-09-01", "2026-10-01", "500.00", "EUR"),
            Invoice("INV-0002178", "C1", "2026-09-02", "2026-10-02", "1250.00", "EUR"),
            Invoice("INV-0001235", "C2", "2026-09-03", "2026-10-03", "800.00", "EUR"),
            Invoice("INV-0001243", "C2", "2026-09-04", "2026-10-04", "640.00", "EUR"));
        w.Write("receipts.csv", Receipts + ",payer_name,payer_account", receipt);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        return w;
    }

    private static (string Applied, string Rule) Match(string amount, string remittance, string? account = C1Account, string payer = "NORDWIND HANDELS")
    {
        using var w = Ledger($"R1,,2026-10-05,2026-10-05,{amount},EUR,sepa,,\"{remittance}\",{payer},{account}");
        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 6)));
        var applied = string.Join(" ", w.Warehouse.Query("SELECT document_id FROM applications ORDER BY 1", r => r.GetString(0)));
        return (applied, w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions")!);
    }

    [Theory]
    [InlineData("418.60", "INV 0000123")]                       // a space for the dash
    [InlineData("418.60", "Rechnung INV-123 vom 20.08.2026")]   // zeros dropped, a date beside it
    [InlineData("418.60", "SVWZ+INV0000123")]                   // glued to the prefix and to SEPA's SVWZ+
    [InlineData("1250.00", "RG2178 Nordwind")]                  // the payer's own prefix (Rechnung)
    [InlineData("418.60", "Invoice #123")]                      // a hash for the prefix
    [InlineData("500.00", "INV-1234/KD-NR 44871")]              // a customer number beside it, five digits
    public void Prefixes_stripped_or_glued_still_name_the_invoice(string amount, string remittance)
    {
        var (applied, _) = Match(amount, remittance, account: null, payer: "");
        Assert.Equal(amount switch { "418.60" => "INV-0000123", "500.00" => "INV-0001234", _ => "INV-0002178" }, applied);
    }

    [Theory]
    [InlineData("INV-0001324")]   // two digits transposed
    [InlineData("INV-000124")]    // a digit missing
    [InlineData("INV-00012234")]  // a digit doubled
    [InlineData("IVN-0001234")]   // prefix letters transposed
    [InlineData("lNV-0001234")]   // l for I
    [InlineData("INV-0001Z34")]   // Z for 2
    [InlineData("INV-000I234")]   // I for 1
    public void A_typo_in_the_number_is_forgiven_when_the_amount_and_payer_agree(string remittance)
    {
        // Each line means INV-0001234 (500.00, C1's), paid from C1's account with exactly its amount.
        var (applied, rule) = Match("500.00", $"PAYMENT {remittance}");
        Assert.Equal("INV-0001234", applied);
        Assert.Matches("^(exact|fuzzy)_reference", rule);
    }

    [Fact]
    public void A_typo_is_not_forgiven_on_its_own()
    {
        // INV-0001324 is one transposition from INV-0001234, but neither the amount (480.00) nor a known payer agrees.
        var (applied, _) = Match("480.00", "PAYMENT INV-0001324", account: null, payer: "");
        Assert.Equal("", applied);
    }

    [Fact]
    public void S_for_5_and_B_for_8_are_read_as_the_digits()
    {
        Assert.Equal("INV-0002178", Match("1250.00", "INV-0002I7B").Applied);
        Assert.Equal("INV-0001235", Match("800.00", "INV-000123S", account: null, payer: "").Applied);
    }

    [Fact]
    public void Another_customers_invoice_quoted_by_a_known_payer_is_never_applied_to_that_customer()
    {
        // C1 pays its own INV-0001234 (500.00) but quotes INV-0001235, C2's invoice one digit away: the amount and the
        // payer agree with C1's invoice, so C1's is paid.
        Assert.Equal("INV-0001234", Match("500.00", "INV-0001235").Applied);
        // C1 pays 640.00 quoting INV-0001244: one slip from C2's INV-0001243, whose amount is 640.00, and from C1's
        // INV-0001234 (500.00). C2's is never a known payer's reading; C1's agrees on the payer only: left for a person.
        Assert.Equal("", Match("640.00", "INV-0001244").Applied);
        // C1 pays 800.00 quoting C2's INV-0001235 exactly: the amount agrees, the payer does not; an exception that
        // names the conflict, not an application to C2.
        using var w = Ledger($"R1,,2026-10-05,2026-10-05,800.00,EUR,sepa,,INV-0001235,NORDWIND HANDELS,{C1Account}");
        var result = new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 6)));
        Assert.Equal((0, 1), (result.AutoApplied, result.Exceptions));
        Assert.Equal("other_customers_reference", w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions"));
        Assert.Contains("INV-0001235 is C2's, the payer is C1", w.Warehouse.Scalar<string>("SELECT inputs FROM cash_match_decisions"), StringComparison.Ordinal);
    }
}

/// <summary>
/// Issue 24: a payment run for several open items with no list. C1, known by its account, has open items of 100.00,
/// 250.00, 400.00, 650.00, 800.00, 1,000.00 and 1,325.40.
/// </summary>
public sealed class PaymentRunTests
{
    private static (string Applied, string Rule) Match(string amount)
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, "C1,Nordwind Handels GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true");
        w.Write("customer_payers.csv", "customer_id,identifier_type,identifier", "C1,account,DE44 5001 0517 5407 3249 31");
        var amounts = new[] { "100.00", "250.00", "400.00", "650.00", "800.00", "1000.00", "1325.40" };
        w.Write("documents.csv", [Documents, .. amounts.Select((a, i) => Invoice($"INV-000050{i}", "C1", $"2026-09-0{i + 1}", $"2026-10-0{i + 1}", a, "EUR"))]);
        w.Write("receipts.csv", Receipts + ",payer_name,payer_account",
            $"R1,,2026-10-12,2026-10-12,{amount},EUR,sepa,,ZAHLUNGSLAUF 12.10.2026,NORDWIND HANDELS GMBH,DE44500105175407324931");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 13)));
        return (string.Join(" ", w.Warehouse.Query("SELECT document_id FROM applications ORDER BY 1", r => r.GetString(0))),
            w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions")!);
    }

    [Fact]
    public void The_one_set_of_open_items_adding_up_to_the_amount_is_applied()
    {
        // 1,725.40 = 400.00 + 1,325.40 and no other set of two to four items.
        Assert.Equal(("INV-0000502 INV-0000506", "payer_account+payment_run"), Match("1725.40"));
    }

    [Theory]
    [InlineData("1050.00")] // 250 + 800 = 400 + 650
    [InlineData("2375.40")] // 250 + 800 + 1,325.40 = 400 + 650 + 1,325.40
    [InlineData("1800.00")] // 800 + 1,000 = 100 + 250 + 650 + 800
    public void Two_sets_adding_up_leave_the_receipt_to_a_person(string amount)
    {
        Assert.Equal("", Match(amount).Applied);
    }
}
