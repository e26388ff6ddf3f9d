namespace O2C.Analytics.Sla;

/// <summary>The events an SLA can measure (one SQL file each under sql/sla/events/) and the shipped default SLAs.</summary>
public static class SlaCatalog
{
    public static readonly IReadOnlyList<string> Events =
        ["invoice_sent", "cash_posted", "dispute_resolution", "deduction_assigned", "ptp_followup", "credit_memo_issued"];

    /// <summary>
    /// Defaults typical of an O2C BPO contract. Dispute resolution takes its per-category thresholds from the
    /// warehouse's dispute_category_sla table (the same ones the Dispute SLA compliance KPI uses) unless configured.
    /// </summary>
    public static IReadOnlyList<SlaDefinition> Defaults =>
    [
        new() { Id = "invoice_sent", Name = "Invoice sent within 1 business day of shipment", Event = "invoice_sent", ThresholdDays = 1, TargetRate = 0.95m, Owner = "bpo", CreditPerMissedTarget = 2500m },
        new() { Id = "cash_posted", Name = "Cash posted within 1 business day of value date", Event = "cash_posted", ThresholdDays = 1, TargetRate = 0.95m, Owner = "bpo", CreditPerMissedTarget = 5000m },
        new() { Id = "dispute_resolution", Name = "Dispute resolved within its category's business days", Event = "dispute_resolution", ThresholdDays = 15, TargetRate = 0.90m, Owner = "data", CreditPerBreach = 50m },
        new() { Id = "deduction_assigned", Name = "Deduction assigned within 2 business days", Event = "deduction_assigned", ThresholdDays = 2, TargetRate = 0.95m, Owner = "bpo", CreditPerMissedTarget = 1000m },
        new() { Id = "ptp_followup", Name = "Broken promise to pay followed up within 2 business days", Event = "ptp_followup", ThresholdDays = 2, TargetRate = 0.90m, Owner = "bpo", CreditPerMissedTarget = 1000m },
        new() { Id = "credit_memo_issued", Name = "Credit memo issued within 5 business days of resolution", Event = "credit_memo_issued", ThresholdDays = 5, TargetRate = 0.95m, Owner = "client" },
    ];
}
