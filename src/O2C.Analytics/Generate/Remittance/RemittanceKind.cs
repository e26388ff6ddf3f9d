namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// How a credit on a bank statement came to be written: the ways payers remit (issue 24's kinds), and the credits that
/// are no customer's payment. The code is how the study's truth file and its report name the kind.
/// </summary>
public sealed record RemittanceKind(string Code, string Description, bool IsPayment = true)
{
    public static readonly RemittanceKind Structured = new("structured_reference", "structured reference (camt RfrdDocInf/RF creditor reference, EDI RMR, SEPA SVWZ)");
    public static readonly RemittanceKind IdInText = new("invoice_id_in_text", "full invoice id in free text");
    public static readonly RemittanceKind SeveralListed = new("several_listed", "several invoices listed, any separator");
    public static readonly RemittanceKind PrefixVariant = new("prefix_stripped_or_glued", "prefix stripped or glued, zeros dropped (INV 123, INV0000123, RG123, #123)");
    public static readonly RemittanceKind Typo = new("typo", "typo in the number (transposed, a digit missing or extra, IVN-, lNV-, S/5, B/8, O/0)");
    public static readonly RemittanceKind PayerNameOnly = new("payer_name_only", "payer's name and account only, amount of one open item");
    public static readonly RemittanceKind PaymentRun = new("payment_run", "payment run for 2-3 open items, no list");
    public static readonly RemittanceKind NetOfDiscount = new("net_of_discount", "net of an early-payment discount within terms");
    public static readonly RemittanceKind StatedDeduction = new("stated_deduction", "short by a deduction the text states with its reason");
    public static readonly RemittanceKind BankFee = new("bank_fee", "short by an intermediary bank's fee");
    public static readonly RemittanceKind OtherCustomersNumber = new("other_customers_number", "payer quotes another customer's invoice one digit from its own");
    public static readonly RemittanceKind NoInformation = new("no_information", "unknown payer, no reference");
    public static readonly RemittanceKind Partial = new("partial_payment", "an instalment of an invoice it names, nothing said");
    public static readonly RemittanceKind ShortUnexplained = new("short_paid_unexplained", "an invoice it names paid short by more than a bank's fee, nothing said");
    public static readonly RemittanceKind Duplicate = new("duplicate_payment", "an invoice paid a second time (nothing open to apply: a person's refund)");
    public static readonly RemittanceKind Return = new("return_or_refund_bounced", "a returned direct debit or a bounced refund of ours", IsPayment: false);
    public static readonly RemittanceKind OtherCredit = new("other_credit", "interest, a card settlement, an internal transfer", IsPayment: false);

    public static readonly IReadOnlyList<RemittanceKind> All =
        [Structured, IdInText, SeveralListed, PrefixVariant, Typo, PayerNameOnly, PaymentRun, NetOfDiscount, StatedDeduction, BankFee,
         OtherCustomersNumber, Partial, ShortUnexplained, NoInformation, Duplicate, Return, OtherCredit];

    /// <summary>The share of customer payments written each way (an AR team's mix: mostly references, a tail of the hard kinds).</summary>
    public static readonly IReadOnlyList<(RemittanceKind Kind, double Share)> PaymentShares =
    [
        (Structured, 0.22), (IdInText, 0.16), (Partial, 0.02), (ShortUnexplained, 0.02), (SeveralListed, 0.08), (PrefixVariant, 0.10), (Typo, 0.07), (PayerNameOnly, 0.08),
        (PaymentRun, 0.05), (NetOfDiscount, 0.07), (StatedDeduction, 0.04), (BankFee, 0.03), (OtherCustomersNumber, 0.02), (NoInformation, 0.04),
    ];

    public static RemittanceKind Of(string code) => All.Single(k => k.Code == code);
}
