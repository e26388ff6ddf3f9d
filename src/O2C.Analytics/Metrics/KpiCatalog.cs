using static O2C.Analytics.Metrics.KpiDirection;
using static O2C.Analytics.Metrics.KpiKind;

namespace O2C.Analytics.Metrics;

/// <summary>
/// The KPI catalogue: every KPI defined once (metadata here, arithmetic in sql/kpis/{id}.sql).
/// Definitions follow ../shared/o2c-kpi-reference.md (CRF, APQC/Hackett usage); where practice varies the chosen
/// variant is named in the formula. docs/kpis.md is generated from this list (o2c kpi --docs).
/// </summary>
public static class KpiCatalog
{
    private const string Crf = "Credit Research Foundation (CRF) definition";
    private const string Apqc = "APQC / Hackett O2C benchmark definition";
    private const string Standard = "standard credit-management practice";

    private static readonly KpiRequirement Disputes = KpiRequirement.Rows("disputes");
    private static readonly KpiRequirement Deductions = new("EXISTS (SELECT 1 FROM disputes WHERE dispute_kind = 'deduction')", "no deductions loaded");
    private static readonly KpiRequirement Receipts = KpiRequirement.Rows("receipts");
    private static readonly KpiRequirement Applications = KpiRequirement.Rows("applications");
    private static readonly KpiRequirement ShipDates = new("EXISTS (SELECT 1 FROM documents WHERE ship_date IS NOT NULL AND sent_date IS NOT NULL)", "no invoice has both a ship date and a sent date");
    private static readonly KpiRequirement Channels = new("EXISTS (SELECT 1 FROM documents WHERE delivery_channel IS NOT NULL)", "no invoice has a delivery channel");

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        // Receivables
        new("dso", "DSO (period method, 3 months)", "Receivables",
            "AR at month end / credit sales of the last 3 months x days in those 3 months (chosen over the 1-month variant: steadier, the CRF's usual window)",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 45m, SourceTables: "fct_customer_month", Reference: Crf, MinHistoryMonths: 3),
        new("dso_countback", "DSO (countback method)", "Receivables",
            "from AR at month end subtract each month's credit sales going back, adding that month's days, until what remains is less than a month's sales; then add remaining / that month's sales x its days",
            Unit: "days", Direction: LowerIsBetter, Kind: PerGroup, Scale: 1m, DefaultTarget: 45m, SourceTables: "fct_customer_month, fct_credit_sales_monthly", Reference: Crf, MinHistoryMonths: 3),
        new("bpdso", "Best-possible DSO (3 months)", "Receivables",
            "current (not past-due) AR at month end / credit sales of the last 3 months x days in those 3 months",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 38m, SourceTables: "fct_customer_month", Reference: Crf, MinHistoryMonths: 3),
        new("add", "Average days delinquent", "Receivables",
            "DSO - best-possible DSO = past-due AR at month end / credit sales of the last 3 months x days",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 7m, SourceTables: "fct_customer_month", Reference: Crf, MinHistoryMonths: 3),
        new("cei", "Collection effectiveness index", "Collections",
            "(AR begin + credit sales of the month - AR end) / (AR begin + credit sales of the month - current AR end) x 100; AR begin = prior month end",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 80m, SourceTables: "fct_customer_month", Reference: Crf, MinHistoryMonths: 2),
        new("ar_turnover", "AR turnover", "Receivables",
            "credit sales of the last 12 months / average of the 13 month-end AR balances (this month end and the 12 before)",
            Unit: "times", Direction: HigherIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 8m, SourceTables: "fct_credit_sales_monthly, fct_customer_month", Reference: Standard, MinHistoryMonths: 13),
        new("credit_sales", "Credit sales", "Receivables",
            "invoices and debit memos issued in the month less credit memos issued in the month, in the reporting currency at each document's date rate (opening open items are balances, not sales)",
            Unit: "amount", Direction: HigherIsBetter, Kind: Sum, Scale: 1m, DefaultTarget: null, SourceTables: "fct_credit_sales_monthly", Reference: Standard),
        new("total_open_ar", "Total open AR", "Receivables",
            "open invoices and debit memos less open credits at month end, in the reporting currency at the month-end rate",
            Unit: "amount", Direction: LowerIsBetter, Kind: Sum, Scale: 1m, DefaultTarget: null, SourceTables: "fct_customer_month", Reference: Standard),
        new("past_due_pct", "Past-due AR %", "Receivables",
            "AR past its due date at month end / AR at month end x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 15m, SourceTables: "fct_customer_month", Reference: Standard),
        new("ar_over_90_pct", "AR over 90 days past due %", "Receivables",
            "AR more than 90 days past due at month end / AR at month end x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 5m, SourceTables: "fct_ar_snapshot_monthly", Reference: Standard),
        Aging("current", "current", "not yet due (days past due <= 0)"),
        Aging("1_30", "1-30", "1 to 30 days past due"),
        Aging("31_60", "31-60", "31 to 60 days past due"),
        Aging("61_90", "61-90", "61 to 90 days past due"),
        Aging("91_120", "91-120", "91 to 120 days past due"),
        Aging("120_plus", "120+", "more than 120 days past due"),
        Aging("unapplied_credit", "unapplied credit", "credit memos not linked to an invoice (no due date; negative)"),
        new("top10_concentration", "Top-10 customer concentration", "Receivables",
            "AR at month end of the 10 customers with the largest AR / AR at month end x 100 (within each member)",
            Unit: "%", Direction: LowerIsBetter, Kind: PerGroup, Scale: 100m, DefaultTarget: 30m, SourceTables: "fct_customer_month", Reference: Standard),
        new("credit_limit_breach_rate", "Credit-limit breach rate", "Receivables",
            "customers whose AR at month end exceeds their credit limit (converted at the month-end rate) / customers with AR at month end > 0 x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 5m, SourceTables: "fct_ar_snapshot_monthly, customers", Reference: Standard, CountBased: true),
        new("bad_debt_writeoff_pct", "Bad-debt write-offs % of credit sales (12 months)", "Receivables",
            "write-offs of the last 12 months / credit sales of the last 12 months x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 0.5m, SourceTables: "write_offs, fct_credit_sales_monthly", Reference: Standard, MinHistoryMonths: 12,
            Requires: [KpiRequirement.Rows("write_offs")]),

        // Payment behaviour
        new("avg_days_to_pay", "Average days to pay (amount-weighted)", "Payment behaviour",
            "sum(applied amount x (application date - invoice date)) / sum(applied amount), over cash applied in the month",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 45m, SourceTables: "fct_payment_applications", Reference: Standard, Requires: [Applications]),
        new("avg_days_late", "Average days late (amount-weighted)", "Payment behaviour",
            "sum(applied amount x max(0, application date - due date)) / sum(applied amount), over all cash applied in the month (chosen: on-time cash counts as 0 days)",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 5m, SourceTables: "fct_payment_applications", Reference: Standard, Requires: [Applications]),
        new("on_time_rate_count", "On-time payment rate (count)", "Payment behaviour",
            "invoices fully settled by cash in the month on or before their due date / invoices fully settled by cash in the month x 100",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 80m, SourceTables: "int_document_settlement", Reference: Standard, Requires: [Applications], CountBased: true),
        new("on_time_rate_value", "On-time payment rate (value)", "Payment behaviour",
            "as the count rate, weighted by invoice amount",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 80m, SourceTables: "int_document_settlement", Reference: Standard, Requires: [Applications]),
        new("o2c_cycle_time", "Order-to-cash cycle time", "Payment behaviour",
            "mean(settlement date - order date) over invoices fully settled by cash in the month (invoice date where no order date)",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 60m, SourceTables: "int_document_settlement", Reference: Apqc, Requires: [Applications]),

        // Invoicing
        new("first_time_right_rate", "First-time-right invoices", "Invoicing",
            "invoices not corrected by a credit memo or rebill within 60 days / invoices x 100; cohort: invoices whose 60 days ended in the month",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 98m, SourceTables: "documents", Reference: Apqc, MaturityDays: 60, CountBased: true),
        new("invoice_timeliness_rate", "Invoice timeliness", "Invoicing",
            "invoices issued in the month sent at most 1 business day after shipment / invoices issued in the month x 100",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 95m, SourceTables: "documents, holidays", Reference: Apqc, Requires: [ShipDates], CountBased: true),
        new("invoice_cycle_time", "Invoice cycle time", "Invoicing",
            "mean business days from shipment to invoice sent, over invoices issued in the month",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 1m, SourceTables: "documents, holidays", Reference: Apqc, Requires: [ShipDates]),
        new("e_invoicing_rate", "E-invoicing rate", "Invoicing",
            "invoices issued in the month delivered electronically (e-invoice, portal) / invoices issued in the month x 100",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 60m, SourceTables: "documents", Reference: Apqc, Requires: [Channels], CountBased: true),
        new("credit_memo_pct", "Credit memos % of sales", "Invoicing",
            "value of credit memos issued in the month / gross value invoiced in the month x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 2m, SourceTables: "fct_credit_sales_monthly", Reference: Standard),

        // Disputes and deductions
        new("dispute_rate", "Dispute rate (by value)", "Disputes & deductions",
            "value of invoices with a dispute opened in the month / value invoiced in the month x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 2m, SourceTables: "disputes, documents", Reference: Standard, Requires: [Disputes]),
        new("dispute_cycle_time", "Average dispute cycle time", "Disputes & deductions",
            "mean(resolved date - opened date) in calendar days over disputes resolved in the month; also by category",
            Unit: "days", Direction: LowerIsBetter, Kind: Ratio, Scale: 1m, DefaultTarget: 15m, SourceTables: "disputes", Reference: Standard, CategoryDimension: "dispute_category", Requires: [Disputes]),
        new("dispute_sla_compliance", "Dispute SLA compliance", "Disputes & deductions",
            "disputes resolved within their category's SLA (business days, dispute_category_sla) / disputes resolved in the month x 100; also by category",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 90m, SourceTables: "disputes, dispute_category_sla, holidays", Reference: Standard, CategoryDimension: "dispute_category", Requires: [Disputes], CountBased: true),
        new("disputed_ar_pct", "Disputed AR % of open AR", "Disputes & deductions",
            "AR at month end on documents with a dispute open at month end / AR at month end x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 5m, SourceTables: "disputes, fct_ar_snapshot_monthly", Reference: Standard, Requires: [Disputes]),
        new("invalid_deduction_recovery_rate", "Invalid-deduction recovery rate", "Disputes & deductions",
            "cash recovered within 60 days on deductions ruled invalid / value of deductions ruled invalid x 100; cohort: rulings whose 60 days ended in the month",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 70m, SourceTables: "disputes, applications", Reference: Standard, MaturityDays: 60, Requires: [Deductions]),

        // Cash application
        new("stp_rate_count", "Cash-application STP rate (count)", "Cash application",
            "receipts fully applied automatically with no manual touch by month end / receipts with value date in the month x 100",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 90m, SourceTables: "fct_receipt_cash_application", Reference: Apqc, Requires: [Receipts], CountBased: true),
        new("stp_rate_value", "Cash-application STP rate (value)", "Cash application",
            "value of receipts fully applied automatically with no manual touch by month end / value of receipts with value date in the month x 100",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 90m, SourceTables: "fct_receipt_cash_application", Reference: Apqc, Requires: [Receipts]),
        new("unapplied_cash_pct", "Unapplied cash % of AR", "Cash application",
            "unapplied and on-account cash at month end / AR at month end x 100",
            Unit: "%", Direction: LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 2m, SourceTables: "fct_unapplied_cash_monthly, fct_customer_month", Reference: Standard, Requires: [Receipts]),
        new("cash_posted_on_time_rate", "Cash posted within 1 business day", "Cash application",
            "receipts fully applied no later than 1 business day after value date / receipts x 100; cohort: receipts whose day ended in the month",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 95m, SourceTables: "receipts, applications, holidays", Reference: Apqc, MaturityDays: 1, Requires: [Receipts], CountBased: true),
        new("cash_collected", "Cash collected", "Cash application",
            "receipts with value date in the month, in the reporting currency at the value-date rate",
            Unit: "amount", Direction: HigherIsBetter, Kind: Sum, Scale: 1m, DefaultTarget: null, SourceTables: "fct_receipt_cash_application", Reference: Standard, Requires: [Receipts]),

        // Collections
        new("ptp_kept_rate", "Promise-to-pay kept rate", "Collections",
            "promises paid in full by the promised date + 2 days of grace / promises due x 100; cohort: promises whose grace ended in the month",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 70m, SourceTables: "promises_to_pay, applications", Reference: Standard, MaturityDays: 2, Requires: [KpiRequirement.Rows("promises_to_pay")], CountBased: true),
        new("cash_per_collector", "Cash collected per collector", "Collections",
            "cash applied in the month to the customers' invoices / active collectors (named collectors with a customer with AR or cash in the month)",
            Unit: "amount", Direction: HigherIsBetter, Kind: PerGroup, Scale: 1m, DefaultTarget: null, SourceTables: "fct_payment_applications, customers", Reference: Standard, Requires: [Applications]),
        new("dunning_effectiveness", "Dunning effectiveness", "Collections",
            "dunned invoices settled within 14 days of the dunning letter / dunned invoices x 100; cohort: letters whose 14 days ended in the month",
            Unit: "%", Direction: HigherIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: 40m, SourceTables: "collection_activities, int_document_settlement", Reference: Standard, MaturityDays: 14,
            Requires: [new("EXISTS (SELECT 1 FROM collection_activities WHERE activity_type = 'dunning_letter')", "no dunning letters loaded")], CountBased: true),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, int>> Positions =
        new(() => All.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i));

    /// <summary>The KPI's place in the catalogue: reports list KPIs in this order.</summary>
    public static int Position(string id) => Positions.Value[id];

    public static KpiDefinition Get(string id) =>
        All.FirstOrDefault(k => k.Id == id) ?? throw new KeyNotFoundException($"No KPI with id '{id}'.");

    private static KpiDefinition Aging(string id, string bucket, string meaning) =>
        new($"aging_{id}_pct", $"Aging: {bucket} % of AR", "Receivables",
            $"AR at month end in bucket '{bucket}' ({meaning}) / AR at month end x 100; the bucket amount is the numerator",
            Unit: "%", Direction: id == "current" ? HigherIsBetter : LowerIsBetter, Kind: Ratio, Scale: 100m, DefaultTarget: null, SourceTables: "fct_ar_snapshot_monthly", Reference: Standard);
}
