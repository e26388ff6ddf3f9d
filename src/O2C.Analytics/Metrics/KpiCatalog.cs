namespace O2C.Analytics.Metrics;

/// <summary>
/// The KPI catalogue: every KPI defined once (metadata here, arithmetic in sql/kpis/{id}.sql).
/// Definitions follow the KPI reference (Credit Research Foundation / APQC usage); variants are named.
/// </summary>
public static class KpiCatalog
{
    private const string Crf = "Credit Research Foundation; o2c-kpi-reference.md";

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new("dso", "DSO (period method, 3 months)", "Receivables",
            "AR at month end / credit sales of the last 3 months x days in those 3 months",
            "days", KpiDirection.LowerIsBetter, 1m, 3, 45m, "fct_customer_month", Crf + " (3-month period method, chosen)", "0.0"),
        new("bpdso", "Best-possible DSO (3 months)", "Receivables",
            "current (not past-due) AR at month end / credit sales of the last 3 months x days in those 3 months",
            "days", KpiDirection.LowerIsBetter, 1m, 3, 38m, "fct_customer_month", Crf, "0.0"),
        new("add", "Average days delinquent", "Receivables",
            "DSO - best-possible DSO = past-due AR at month end / credit sales of the last 3 months x days",
            "days", KpiDirection.LowerIsBetter, 1m, 3, 7m, "fct_customer_month", Crf, "0.0"),
        new("cei", "Collection effectiveness index", "Collections",
            "(AR begin + credit sales - AR end) / (AR begin + credit sales - current AR end) x 100",
            "%", KpiDirection.HigherIsBetter, 100m, 2, 80m, "fct_customer_month", Crf, "0.0"),
        new("stp_rate_count", "Cash-application STP rate (count)", "Cash application",
            "receipts fully applied automatically with no manual touch by month end / receipts with value date in the month x 100",
            "%", KpiDirection.HigherIsBetter, 100m, 1, 85m, "fct_receipt_cash_application", "APQC / Hackett cash-application benchmarks", "0.0"),
        new("stp_rate_value", "Cash-application STP rate (value)", "Cash application",
            "value of receipts fully applied automatically with no manual touch by month end / value of receipts with value date in the month x 100",
            "%", KpiDirection.HigherIsBetter, 100m, 1, 85m, "fct_receipt_cash_application", "APQC / Hackett cash-application benchmarks", "0.0"),
    ];

    public static KpiDefinition Get(string id) =>
        All.FirstOrDefault(k => k.Id == id) ?? throw new KeyNotFoundException($"No KPI with id '{id}'.");
}
