using O2C.Analytics.CashApplication;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24: payments net of an early-payment discount, a stated deduction or a bank fee. C1 (Nordwind, EUR) buys on
/// 2 % 10 days, net 30; C3 (Harbor, USD) has no discount terms. INV-0000700 (C1, 2026-09-28, 1,250.00): 2 % is 25.00,
/// the discount runs to 2026-10-08 (10 days) and the matcher allows 3 days for the bank. INV-0000701 (C1, 2026-09-29,
/// 800.00): 2 % is 16.00. INV-0000900 (C3, 2026-09-28, USD 2,000.00).
/// </summary>
public sealed class NetPaymentTests
{
    private const string Terms = ",cash_discount_pct,cash_discount_days";

    private static TempWarehouse Ledger(params string[] receipts)
    {
        var w = new TempWarehouse();
        w.Write("customers.csv", Customers + Terms,
            "C1,Nordwind Handels GmbH,Enterprise,EMEA,DE,EUR,30,100000.00,B,Ann,Team A,true,2,10",
            "C3,Harbor Supply Inc,Enterprise,North America,US,USD,30,100000.00,B,Ann,Team A,true,,");
        w.Write("documents.csv", Documents,
            Invoice("INV-0000700", "C1", "2026-09-28", "2026-10-28", "1250.00", "EUR"),
            Invoice("INV-0000701", "C1", "2026-09-29", "2026-10-29", "800.00", "EUR"),
            Invoice("INV-0000900", "C3", "2026-09-28", "2026-10-28", "2000.00", "USD"));
        w.Write("receipts.csv", [Receipts, .. receipts]);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 26)));
        return w;
    }

    private sealed record Outcome(string Applied, string WrittenOff, string Deductions, string Rule);

    private static Outcome Match(string valueDate, string amount, string remittance, string customer = "C1", string currency = "EUR", string method = "sepa")
    {
        using var w = Ledger($"R1,{customer},{valueDate},{valueDate},{amount},{currency},{method},,\"{remittance}\"");
        string Rows(string sql) => string.Join(" ", w.Warehouse.Query(sql, r => r.GetString(0)));
        return new Outcome(
            Rows("SELECT document_id || ':' || printf('%.2f', amount) FROM applications ORDER BY 1"),
            Rows("SELECT document_id || ':' || printf('%.2f', amount) || ':' || reason FROM write_offs ORDER BY 1"),
            Rows("SELECT document_id || ':' || printf('%.2f', amount) || ':' || category FROM disputes WHERE dispute_kind = 'deduction' ORDER BY 1"),
            w.Warehouse.Scalar<string>("SELECT rule FROM cash_match_decisions")!);
    }

    [Theory]
    [InlineData("INV-0000700 abzgl. 2% Skonto 25,00")]         // German, the discount stated
    [InlineData("INV0000700 LESS 2% DISCOUNT")]                 // the rate only
    [InlineData("RG 700")]                                     // nothing said: the terms explain the 25.00
    [InlineData("RMR*IV*INV0000700*PI*1225.00*1250.00*25.00~")] // EDI 820: paid, invoice total, discount
    public void An_early_payment_discount_within_the_terms_is_taken_and_the_invoice_closed(string remittance)
    {
        // 1,250.00 x 2 % = 25.00; paid 1,225.00 on 2026-10-05, within 10 days of 2026-09-28.
        var o = Match("2026-10-05", "1225.00", remittance);
        Assert.Equal(("INV-0000700:1225.00", "INV-0000700:25.00:cash_discount", ""), (o.Applied, o.WrittenOff, o.Deductions));
        Assert.EndsWith("+cash_discount", o.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INV-0000700 abzgl. 2% Skonto 25,00")]
    [InlineData("RG 700")] // unsaid, and within EUR's 25.00 fee tolerance: still the terms' 2 %, not a bank's fee
    public void A_discount_taken_after_the_terms_ran_out_is_an_unearned_discount_deduction(string remittance)
    {
        // 2026-10-14 is 16 days after 2026-09-28: past 10 days and the 3 days' allowance. The 25.00 is owed.
        var o = Match("2026-10-14", "1225.00", remittance);
        Assert.Equal(("INV-0000700:1225.00", "", "INV-0000700:25.00:unearned_discount"), (o.Applied, o.WrittenOff, o.Deductions));
    }

    [Fact]
    public void A_discount_beyond_the_terms_is_an_unearned_discount_deduction()
    {
        // 3 % of 1,250.00 = 37.50 taken where the terms give 2 % (25.00).
        var o = Match("2026-10-05", "1212.50", "INV-0000700 less 3% discount 37.50");
        Assert.Equal(("INV-0000700:1212.50", "", "INV-0000700:37.50:unearned_discount"), (o.Applied, o.WrittenOff, o.Deductions));
    }

    [Fact]
    public void A_customer_without_discount_terms_paying_two_percent_less_owes_the_rest()
    {
        // C3 has no discount terms: 2,000.00 - 1,960.00 = 40.00 short, more than USD's 30.00 fee tolerance: a deduction.
        var o = Match("2026-10-05", "1960.00", "INV-0000900", customer: "C3", currency: "USD");
        Assert.Equal(("INV-0000900:1960.00", "", "INV-0000900:40.00:other"), (o.Applied, o.WrittenOff, o.Deductions));
    }

    [Theory]
    [InlineData("INV-0000700 less 120.00 damaged goods", "damaged")]
    [InlineData("Rechnung 700 abzgl. 120,00 Fehlmenge", "quantity")]
    [InlineData("INV-0000700 DEDUCTION 120.00 PRICE DIFF", "pricing")]
    [InlineData("INV-0000700 short paid 120.00", "other")]
    public void A_stated_deduction_opens_a_deduction_with_the_reason_from_the_text(string remittance, string category)
    {
        // Paid 1,130.00 on 2026-10-20 (past the discount): 1,250.00 - 1,130.00 = 120.00, the amount the text states.
        // The 120.00 is read as an amount, not as a document number.
        var o = Match("2026-10-20", "1130.00", remittance);
        Assert.Equal(("INV-0000700:1130.00", "", $"INV-0000700:120.00:{category}"), (o.Applied, o.WrittenOff, o.Deductions));
        Assert.EndsWith("+stated_deduction", o.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bank_fee_within_the_currencys_tolerance_is_written_off_as_a_bank_charge()
    {
        // A USD wire 2,000.00 - 1,985.00 = 15.00 short, within USD's 30.00: the intermediary bank's charge, not the
        // customer's debt.
        var o = Match("2026-10-20", "1985.00", "INV-0000900", customer: "C3", currency: "USD", method: "wire");
        Assert.Equal(("INV-0000900:1985.00", "INV-0000900:15.00:bank_charge", ""), (o.Applied, o.WrittenOff, o.Deductions));
        Assert.EndsWith("+bank_charge", o.Rule, StringComparison.Ordinal);
        // The same 15.00 stated as a fee (on an ACH credit too), and a EUR wire with a discount and a fee on top:
        // 25.00 + 7.50 = 32.50 short.
        Assert.Equal("INV-0000900:15.00:bank_charge", Match("2026-10-20", "1985.00", "INV-0000900 BANK CHARGES 15.00", "C3", "USD", "ach").WrittenOff);
        Assert.Equal("INV-0000700:25.00:cash_discount INV-0000700:7.50:bank_charge", Match("2026-10-05", "1217.50", "INV-0000700 2% Skonto", method: "wire").WrittenOff);
    }

    [Fact]
    public void A_shortfall_nobody_explained_on_an_ach_credit_is_the_customers_not_a_banks_fee()
    {
        // ACH and SEPA credits arrive whole: 15.00 short on an ACH credit with nothing said is a deduction to chase.
        var o = Match("2026-10-20", "1985.00", "INV-0000900", customer: "C3", currency: "USD", method: "ach");
        Assert.Equal(("INV-0000900:1985.00", "", "INV-0000900:15.00:other"), (o.Applied, o.WrittenOff, o.Deductions));
    }

    [Fact]
    public void A_whole_amount_beside_the_word_for_a_deduction_is_the_deduction()
    {
        // "less 120 Fehlmenge": 120 without decimals, right after "less", is 120.00 deducted, not INV-0000120.
        var o = Match("2026-10-20", "1130.00", "INV-0000700 less 120 Fehlmenge");
        Assert.Equal(("INV-0000700:1130.00", "INV-0000700:120.00:quantity"), (o.Applied, o.Deductions));
    }

    [Fact]
    public void A_payment_run_net_of_discount_pays_each_invoice_less_its_own()
    {
        // 1,250.00 - 25.00 + 800.00 - 16.00 = 2,009.00 for both invoices, listed.
        var o = Match("2026-10-06", "2009.00", "INV-0000700, INV-0000701 less 2% Skonto");
        Assert.Equal("INV-0000700:1225.00 INV-0000701:784.00", o.Applied);
        Assert.Equal("INV-0000700:25.00:cash_discount INV-0000701:16.00:cash_discount", o.WrittenOff);
    }

    [Fact]
    public void Without_a_reference_a_discounted_amount_names_the_one_open_item_it_is_two_percent_off()
    {
        // C1 pays 784.00 with no reference: only INV-0000701 (800.00) less 2 % is 784.00.
        var o = Match("2026-10-06", "784.00", "ZAHLUNG NORDWIND");
        Assert.Equal(("INV-0000701:784.00", "INV-0000701:16.00:cash_discount"), (o.Applied, o.WrittenOff));
    }
}

/// <summary>
/// A discount taken or a bank's charge written off is no bad debt: C1 is invoiced 1,000.00 monthly for 2025 (12,000.00
/// of sales); in December 20.00 is written off as a cash discount, 5.00 as a bank charge and 300.00 as bad debt.
/// Bad-debt write-off % = 300 / 12,000 = 2.5 %.
/// </summary>
public sealed class WriteOffReasonKpiTests : KpiScenario
{
    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", [Documents, .. Enumerable.Range(0, 12).Select(i =>
        {
            var date = new DateOnly(2025, 1, 1).AddMonths(i);
            return Invoice($"I{i + 1:00}", "C1", date.ToString("yyyy-MM-dd"), date.AddDays(30).ToString("yyyy-MM-dd"), "1000.00");
        })]);
        w.Write("write_offs.csv", WriteOffs, "W1,I01,2025-12-10,300.00,bad debt", "W2,I02,2025-12-11,20.00,cash_discount",
            "W3,I03,2025-12-12,5.00,bank_charge");
    }

    [Fact]
    public void Cash_discounts_and_bank_charges_are_not_bad_debt() =>
        Assert.Equal(2.5m, Value("bad_debt_writeoff_pct", "2025-12"));
}
