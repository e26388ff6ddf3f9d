using static O2C.Analytics.Load.FieldType;

namespace O2C.Analytics.Load;

/// <summary>
/// The canonical CSV layouts, in load order: an entity comes after every entity it references.
/// docs/data-model.md describes the same tables for people; a test keeps the two in step.
/// </summary>
public static class CanonicalLayouts
{
    private static readonly string[] DocumentTypes = ["invoice", "credit_memo", "debit_memo"];

    public static readonly EntityLayout Customers = new(
        "customers", ["customer_id"],
        [
            new("customer_id", Text, Required: true, Description: "Customer account number."),
            new("customer_name", Text, Required: true),
            new("segment", Text, Required: true, Description: "Commercial segment, e.g. Enterprise, Mid-market, SMB."),
            new("region", Text, Required: true),
            new("country_code", Text, Required: true, Description: "ISO 3166 alpha-2."),
            new("currency_code", Currency, Required: true, Description: "Billing currency."),
            new("payment_terms_days", Integer, Required: true, Description: "Net days from invoice date to due date."),
            new("credit_limit", Money, Description: "In the billing currency; empty = no limit set."),
            new("risk_class", Text, Required: true, Description: "Credit risk class, e.g. A (low) to D (high)."),
            new("collector", Text, Description: "Collector who works the account."),
            new("bpo_team", Text, Description: "Team owning the account: an in-house team or a BPO partner's team."),
            new("e_invoicing", Flag, Required: true, Description: "Customer receives invoices electronically."),
            new("cash_discount_pct", Rate, Description: "Early-payment discount in percent (2 for \"2 % 10, net 30\"); empty = none."),
            new("cash_discount_days", Integer, Description: "Days from the invoice date the discount may be taken in (10 for \"2 % 10, net 30\")."),
        ],
        [
            new("payment_terms_days", "payment_terms_days < 0", "negative_terms", "payment terms cannot be negative"),
            new("cash_discount_pct", "(cash_discount_pct IS NULL) <> (cash_discount_days IS NULL)", "incomplete_discount_terms",
                "a discount needs both its percentage and its days"),
            new("cash_discount_pct", "cash_discount_pct > 10", "implausible_discount", "an early-payment discount over 10 % is not plausible"),
            new("cash_discount_days", "cash_discount_days < 0 OR cash_discount_days > payment_terms_days", "discount_days_beyond_terms",
                "the discount days must lie within the payment terms"),
        ],
        "One row per customer account.");

    public static readonly EntityLayout Documents = new(
        "documents", ["document_id"],
        [
            new("document_id", Text, Required: true, Description: "Invoice, credit memo or debit memo number."),
            new("document_type", Choice, Required: true, Choices: DocumentTypes),
            new("customer_id", Text, Required: true, References: "customers"),
            new("order_date", Date),
            new("ship_date", Date),
            new("document_date", Date, Required: true, Description: "Invoice (posting) date."),
            new("sent_date", Date, Description: "Date the document reached the customer."),
            new("due_date", Date, Description: "Required for invoices and debit memos."),
            new("amount", Money, Required: true, Description: "Positive; the type gives its sign in AR."),
            new("currency_code", Currency, Required: true),
            new("corrects_document_id", Text, References: "documents", Description: "Invoice a memo corrects."),
            new("dispute_id", Text, Description: "Dispute a memo settles (informational link)."),
            new("delivery_channel", Choice, Choices: ["paper", "email", "e_invoice", "portal"]),
            new("opening_balance_date", Date, Description: "Set on an opening open item (brought from the old system when the company starts): the cut-over date its amount was open on."),
        ],
        [
            new("due_date", "due_date < document_date", "due_before_document_date", "due date is before the document date"),
            new("due_date", "due_date IS NULL AND document_type <> 'credit_memo'", "missing_due_date", "invoices and debit memos need a due date"),
            new("amount", "amount <= 0", "non_positive_amount", "amount must be positive (the document type gives the sign)"),
            new("sent_date", "sent_date < document_date", "sent_before_document_date", "sent date is before the document date"),
            new("opening_balance_date", "opening_balance_date < document_date", "opening_item_after_opening_date", "an opening item must be issued by its opening balance date"),
        ],
        "One row per AR billing document.",
        [
            // A memo dated before the invoice it corrects would take the invoice's amount off AR at month ends before
            // the invoice existed (found in review of the incremental refresh: the invoice's rows then reach back).
            new("document_date", """
                SELECT m.source_file, m.source_line, CAST(m.document_date AS VARCHAR)
                FROM _judged m JOIN documents d ON d.document_id = m.corrects_document_id
                WHERE m.document_date < d.document_date
                """, "memo_before_corrected_document", "the memo is dated before the document it corrects"),
        ],
        // A memo's fate depends on the document it corrects (its presence, its date).
        [new("corrects_document_id", "document_id")]);

    public static readonly EntityLayout Receipts = new(
        "receipts", ["receipt_id"],
        [
            new("receipt_id", Text, Required: true),
            new("customer_id", Text, References: "customers", Description: "Empty while the payer is unidentified."),
            new("value_date", Date, Required: true, Description: "Date the bank credited the money."),
            new("posted_date", Date, Required: true, Description: "Date cash application posted it."),
            new("amount", Money, Required: true),
            new("currency_code", Currency, Required: true),
            new("payment_method", Choice, Required: true, Choices: ["wire", "ach", "check", "card", "sepa", "other"]),
            new("bank_reference", Text),
            new("remittance_text", Text),
            new("payer_name", Text, Description: "The payer's name as the bank statement shows it (cash matching identifies the customer by it)."),
            new("payer_account", Text, Description: "The payer's account (IBAN or account number) as the bank statement shows it."),
        ],
        [
            new("amount", "amount <= 0", "non_positive_amount", "a receipt amount must be positive"),
            new("posted_date", "posted_date < value_date", "posted_before_value_date", "posted date is before the value date"),
        ],
        "One row per incoming payment.",
        [
            // A payment the bank later returned or recalled was never cash received. Each reversal takes back one
            // receipt of the same currency and amount, not later, carrying its reference (the bank reference, or a whole
            // word of the remittance text: E2E-1 is not E2E-10). Reversals and receipts of one currency, amount and
            // reference pair off one to one, latest with latest, so two returns never take the same receipt.
            new("receipt_id", $$"""
                WITH matches AS MATERIALIZED (
                    SELECT v.file_name, v.line_number, v.source_file AS reversal_file, v.value_date AS reversal_date,
                           v.currency_code, v.amount, v.reference, r.source_file, r.source_line, r.value_date
                    FROM _judged r
                    JOIN bank_reversals v ON v.currency_code = r.currency_code AND v.amount = r.amount AND r.value_date <= v.value_date
                     AND {{CarriesReference("r", "v.reference")}}
                ),
                reversals AS (
                    SELECT *, row_number() OVER (PARTITION BY currency_code, amount, reference ORDER BY reversal_date DESC, file_name, line_number) AS k
                    FROM (SELECT DISTINCT file_name, line_number, reversal_file, reversal_date, currency_code, amount, reference FROM matches)
                ),
                candidates AS (
                    SELECT *, row_number() OVER (PARTITION BY currency_code, amount, reference ORDER BY value_date DESC, source_file, source_line) AS k
                    FROM (SELECT DISTINCT currency_code, amount, reference, source_file, source_line, value_date FROM matches)
                )
                SELECT c.source_file, c.source_line,
                       'reversal in ' || v.reversal_file || ' line ' || v.line_number || ' on ' || strftime(v.reversal_date, '%Y-%m-%d')
                FROM reversals v JOIN candidates c USING (currency_code, amount, reference, k)
                WHERE c.value_date <= v.reversal_date
                """, "reversed_by_bank", "the bank returned or recalled this payment (raw_value: where); it is not cash received"),
        ],
        // Returns pair with receipts by currency, amount and reference, latest with latest: every receipt a return
        // could take back is judged, with all it competes with (a superset of the rule's matches: no reference test).
        ScopeSeedSql: "SELECT r.receipt_id FROM receipts r JOIN bank_reversals v ON v.currency_code = r.currency_code AND v.amount = r.amount AND r.value_date <= v.value_date");

    public static readonly EntityLayout Applications = new(
        "applications", ["application_id"],
        [
            new("application_id", Text, Required: true),
            new("receipt_id", Text, Required: true, References: "receipts"),
            new("document_id", Text, Required: true, References: "documents"),
            new("application_date", Date, Required: true),
            new("amount", Money, Required: true, Description: "In the receipt's currency, which is the document's."),
            new("match_method", Choice, Required: true, Choices: ["auto", "manual"]),
        ],
        [new("amount", "amount <= 0", "non_positive_amount", "an applied amount must be positive")],
        "One row per amount of a receipt applied to a document.",
        [
            new("document_id", """
                WITH linked AS MATERIALIZED (
                    -- materialized so the planner cannot pair receipts with documents on the inequality alone
                    SELECT a.source_file, a.source_line, a.document_id, r.currency_code AS receipt_currency
                    FROM _judged a JOIN receipts r ON r.receipt_id = a.receipt_id
                )
                SELECT f.source_file, f.source_line, f.document_id
                FROM linked f JOIN documents d ON d.document_id = f.document_id
                WHERE d.currency_code <> f.receipt_currency
                """, "currency_mismatch", "the receipt and the document are in different currencies"),
            new("amount", $"""
                SELECT a.source_file, a.source_line, CAST(a.amount AS VARCHAR)
                FROM _judged a JOIN receipts r ON r.receipt_id = a.receipt_id JOIN currencies m ON m.currency_code = r.currency_code
                WHERE {MinorUnits.Exceeded("a.amount", "m.minor_units")}
                """, "too_many_decimals", "amount has more decimals than its receipt's currency uses (ISO 4217: JPY 0, USD 2, KWD 3)"),
            // Cash cannot settle a document before it exists, nor be applied before the bank credited it: such a
            // row put -1,500.00 into "current" at a month end before the invoice was issued.
            new("application_date", """
                SELECT a.source_file, a.source_line, CAST(a.application_date AS VARCHAR)
                FROM _judged a JOIN documents d ON d.document_id = a.document_id
                WHERE a.application_date < d.document_date
                """, "applied_before_document_date", "the application is dated before its document's date"),
            new("application_date", """
                SELECT a.source_file, a.source_line, CAST(a.application_date AS VARCHAR)
                FROM _judged a JOIN receipts r ON r.receipt_id = a.receipt_id
                WHERE a.application_date < r.value_date
                """, "applied_before_value_date", "the application is dated before its receipt's value date"),
            // Applications are taken in date order (then file name and line, so arrival order plays no part); the
            // ones that push a receipt past its amount are rejected.
            new("amount", """
                SELECT source_file, source_line, CAST(amount AS VARCHAR)
                FROM (
                    SELECT a.source_file, a.source_line, a.amount, r.amount AS receipt_amount,
                           sum(a.amount) OVER (PARTITION BY a.receipt_id
                               ORDER BY a.application_date, a.source_file, a.source_line
                               ROWS UNBOUNDED PRECEDING) AS applied_so_far
                    FROM _judged a
                    JOIN receipts r USING (receipt_id)
                )
                WHERE applied_so_far > receipt_amount
                """, "application_exceeds_receipt", "applications to this receipt exceed its amount"),
        ],
        // Applications draw on their receipt in date order: all of a receipt's are judged together.
        [new("receipt_id", "receipt_id")]);

    public static readonly EntityLayout Disputes = new(
        "disputes", ["dispute_id"],
        [
            new("dispute_id", Text, Required: true),
            new("dispute_kind", Choice, Required: true, Choices: ["dispute", "deduction"]),
            new("document_id", Text, Required: true, References: "documents"),
            new("customer_id", Text, Required: true, References: "customers"),
            new("category", Choice, Required: true,
                Choices: ["pricing", "quantity", "damaged", "delivery", "duplicate_billing", "tax", "promotion", "unearned_discount", "other"]),
            new("amount", Money, Required: true),
            new("currency_code", Currency, Required: true),
            new("opened_date", Date, Required: true),
            new("assigned_date", Date),
            new("resolved_date", Date),
            new("outcome", Choice, Choices: ["valid", "invalid"]),
            new("recovered_amount", Money),
            new("owner", Choice, Required: true, Choices: ["client", "bpo"]),
        ],
        [
            new("resolved_date", "resolved_date < opened_date", "resolved_before_opened", "resolved date is before the opened date"),
            new("outcome", "resolved_date IS NOT NULL AND outcome IS NULL", "missing_outcome", "a resolved dispute needs an outcome"),
        ],
        "One row per dispute or deduction.");

    public static readonly EntityLayout PromisesToPay = new(
        "promises_to_pay", ["promise_id"],
        [
            new("promise_id", Text, Required: true),
            new("customer_id", Text, Required: true, References: "customers"),
            new("document_id", Text, References: "documents"),
            new("promise_date", Date, Required: true),
            new("promised_pay_date", Date, Required: true),
            new("promised_amount", Money, Required: true),
            new("currency_code", Currency, Required: true),
            new("collector", Text),
        ],
        [new("promised_pay_date", "promised_pay_date < promise_date", "promise_in_past", "promised pay date is before the promise was made")],
        "One row per promise to pay.");

    public static readonly EntityLayout CollectionActivities = new(
        "collection_activities", ["activity_id"],
        [
            new("activity_id", Text, Required: true),
            new("customer_id", Text, Required: true, References: "customers"),
            new("document_id", Text, References: "documents"),
            new("activity_date", Date, Required: true),
            new("activity_type", Choice, Required: true, Choices: ["dunning_letter", "email", "call"]),
            new("outcome", Choice, Choices: ["sent", "no_answer", "left_message", "promise", "dispute", "paid", "refused"]),
            new("collector", Text),
        ],
        [],
        "One row per dunning letter, email or call.");

    public static readonly EntityLayout WriteOffs = new(
        "write_offs", ["write_off_id"],
        [
            new("write_off_id", Text, Required: true),
            new("document_id", Text, Required: true, References: "documents"),
            new("write_off_date", Date, Required: true),
            new("amount", Money, Required: true),
            new("reason", Text, Description: "Why; cash_discount (an early-payment discount taken) and bank_charge (a bank's fee kept from a payment) are not bad debt."),
        ],
        [new("amount", "amount <= 0", "non_positive_amount", "a write-off amount must be positive")],
        "One row per write-off: bad debt, small balances, discounts taken and bank charges.",
        [
            new("write_off_date", """
                SELECT w.source_file, w.source_line, CAST(w.write_off_date AS VARCHAR)
                FROM _judged w JOIN documents d ON d.document_id = w.document_id
                WHERE w.write_off_date < d.document_date
                """, "written_off_before_document_date", "the write-off is dated before its document's date"),
            new("amount", $"""
                SELECT w.source_file, w.source_line, CAST(w.amount AS VARCHAR)
                FROM _judged w JOIN documents d ON d.document_id = w.document_id JOIN currencies m ON m.currency_code = d.currency_code
                WHERE {MinorUnits.Exceeded("w.amount", "m.minor_units")}
                """, "too_many_decimals", "amount has more decimals than its document's currency uses (ISO 4217: JPY 0, USD 2, KWD 3)"),
        ]);

    public static readonly EntityLayout FxRates = new(
        "fx_rates", ["rate_date", "from_currency", "to_currency"],
        [
            new("rate_date", Date, Required: true),
            new("from_currency", Currency, Required: true),
            new("to_currency", Currency, Required: true),
            new("rate", Rate, Required: true, Description: "One unit of from_currency in to_currency."),
        ],
        [
            new("rate", "rate <= 0", "non_positive_rate", "an exchange rate must be positive"),
            // A USD->USD rate of 2 would double every USD amount.
            new("rate", "from_currency = to_currency AND rate <> 1", "self_rate_not_one", "a rate from a currency to itself must be 1"),
        ],
        "One row per currency pair per day.");

    public static readonly EntityLayout Holidays = new(
        "holidays", ["holiday_date"],
        [
            new("holiday_date", Date, Required: true),
            new("holiday_name", Text, Required: true),
        ],
        [],
        "One row per non-working weekday.");

    /// <summary>
    /// What operations know and the transactions do not: days a system was down, weeks a team was short-staffed.
    /// An SLA item whose clock ran over such a period, for its team (or all teams), is put down to it.
    /// </summary>
    public static readonly EntityLayout ServiceEvents = new(
        "service_events", ["event_id"],
        [
            new("event_id", Text, Required: true, Description: "Disruption key."),
            new("kind", Choice, Required: true, Choices: ["system_outage", "staffing_gap"],
                Description: "system_outage (a system the team works in was down) or staffing_gap (the team was short of people)."),
            new("start_date", Date, Required: true, Description: "First day affected."),
            new("end_date", Date, Required: true, Description: "Last day affected (the same day for a one-day outage)."),
            new("team", Text, Description: "Team affected (customers.bpo_team); empty = every team."),
            new("note", Text, Description: "What happened, in words."),
        ],
        [new("end_date", "end_date < start_date", "end_before_start", "the end date is before the start date")],
        "One row per operational disruption: a system outage or a staffing gap.");

    public static readonly EntityLayout KpiTargets = new(
        "kpi_targets", ["kpi_id", "effective_from"],
        [
            new("kpi_id", Text, Required: true),
            new("effective_from", Date, Required: true),
            new("target_value", Rate, Required: true),
            new("tolerance", Rate),
        ],
        [],
        "One row per KPI target from a month on.");

    /// <summary>
    /// How customers are chased (issue 23): the standing strategy of each customer score band, and the strategies
    /// pilots try. The parameters say what a collector does; the product measures what followed (o2c pilot report).
    /// </summary>
    /// <summary>
    /// Who pays for a customer, as bank statements show it: its accounts and the names it pays under (a parent company,
    /// a factor, a trading name). Cash matching identifies a receipt's customer by them (and by the customer's own name);
    /// an account or name known for two customers identifies neither.
    /// </summary>
    public static readonly EntityLayout CustomerPayers = new(
        "customer_payers", ["identifier_type", "identifier", "customer_id"],
        [
            new("customer_id", Text, Required: true, References: "customers"),
            new("identifier_type", Choice, Required: true, Choices: ["account", "name"], Description: "account: an IBAN or account number the customer pays from; name: a name it pays under."),
            new("identifier", Text, Required: true, Description: "The account (spaces allowed: DE89 3704 ...) or the name as statements write it."),
        ],
        [new("identifier", "identifier_type = 'account' AND length(regexp_replace(identifier, '[^0-9A-Za-z]', '', 'g')) < 5", "implausible_account", "an account number has at least 5 letters or digits")],
        "One row per account or name a customer pays from or under.");

    public static readonly EntityLayout CollectionStrategies = new(
        "collection_strategies", ["strategy_id"],
        [
            new("strategy_id", Text, Required: true, Description: "Strategy key."),
            new("score_band", Text, Description: "The customer score band (A to E) this is the standing strategy of; empty = tried in a pilot only."),
            new("channel", Choice, Required: true, Choices: ["email", "letter", "call", "portal"], Description: "First channel of contact."),
            new("first_contact_days", Integer, Required: true, Description: "Days from the due date to the first contact; negative = before the due date."),
            new("cadence_days", Integer, Required: true, Description: "Days between contacts while the invoice is unpaid."),
            new("call_after_days", Integer, Description: "Days past due a collector calls; empty = no call."),
            new("description", Text, Description: "The strategy in words."),
        ],
        [
            new("score_band", "score_band NOT IN ('A', 'B', 'C', 'D', 'E')", "unknown_score_band", "score bands are A to E"),
            new("cadence_days", "cadence_days <= 0", "non_positive_cadence", "the cadence must be at least one day"),
            new("first_contact_days", "first_contact_days NOT BETWEEN -60 AND 180", "implausible_first_contact", "the first contact is more than 60 days before or 180 days after the due date"),
            new("call_after_days", "call_after_days NOT BETWEEN -60 AND 365", "implausible_call_day", "the call is more than 60 days before or a year after the due date"),
        ],
        "One row per collection strategy.");

    /// <summary>
    /// A pilot tries a strategy on a random share of the customers of some score bands from its start date; the rest
    /// of those customers are its control group. The product draws the groups (stratified by band, fixed seed) and
    /// measures the difference in differences (docs/customer-score.md).
    /// </summary>
    public static readonly EntityLayout Pilots = new(
        "pilots", ["pilot_id"],
        [
            new("pilot_id", Text, Required: true, Description: "Pilot name, as in o2c pilot report NAME."),
            new("strategy_id", Text, Required: true, References: "collection_strategies", Description: "The strategy tried."),
            new("start_date", Date, Required: true, Description: "First day the pilot customers are chased by it: the first of a month."),
            new("pilot_share", Rate, Required: true, Description: "Share of each band's customers given the strategy, above 0 and below 1."),
            new("seed", Integer, Required: true, Description: "Fixes the random draw: the same seed and customers give the same groups."),
            new("score_bands", Text, Description: "Bands taking part, separated by ';', e.g. C;D;E; empty = every band."),
            new("pre_months", Integer, Required: true, Description: "Months before the start the groups are compared over."),
            new("post_months", Integer, Required: true, Description: "Months from the start measured."),
            new("description", Text, Description: "What is tried and why."),
        ],
        [
            new("start_date", "day(start_date) <> 1", "start_not_first_of_month", "a pilot starts on the first of a month: its months are measured whole"),
            new("pilot_share", "pilot_share <= 0 OR pilot_share >= 1", "share_out_of_range", "the pilot share must be above 0 and below 1 (the rest is the control group)"),
            new("pre_months", "pre_months NOT BETWEEN 1 AND 24", "pre_months_out_of_range", "the months before the start must be 1 to 24"),
            new("post_months", "post_months NOT BETWEEN 1 AND 24", "post_months_out_of_range", "the months measured must be 1 to 24"),
            new("score_bands", "score_bands IS NOT NULL AND NOT list_has_all(['A', 'B', 'C', 'D', 'E'], string_split(score_bands, ';'))",
                "unknown_score_band", "score bands are A to E, separated by ';'"),
        ],
        "One row per collection-strategy pilot.");

    /// <summary>
    /// Whether receipt <paramref name="receipt"/> carries a bank return's reference: as its bank reference, or as a whole
    /// word of its remittance text (E2E-1 is not E2E-10). The receipts rule and the extract's message match alike.
    /// </summary>
    public static string CarriesReference(string receipt, string reference) =>
        $"({receipt}.bank_reference = {reference} OR list_contains(string_split_regex(coalesce({receipt}.remittance_text, ''), '[\\s,;:/()]+'), {reference}))";

    /// <summary>Load order: referenced entities first.</summary>
    public static readonly IReadOnlyList<EntityLayout> All =
    [
        Customers, CustomerPayers, FxRates, Holidays, KpiTargets, Documents, Receipts, Applications,
        Disputes, PromisesToPay, CollectionActivities, WriteOffs, ServiceEvents, CollectionStrategies, Pilots,
    ];

    public static EntityLayout? ForFile(string fileName) => All.FirstOrDefault(e => e.Owns(fileName));
}
