namespace O2C.Analytics.Reports.Summary;

/// <summary>One thing on the summary page that needs someone's attention, said plainly, with the team that owns it.</summary>
public sealed record AttentionItem(string Text, string Owner);

/// <summary>
/// A candidate row of sql/reports/attention_items.sql: rule overdue_up (a customer, past-due amount now and before),
/// broken_promises (per team: promises, customers, amount still open) or sla_below (an SLA's quarter, compliance,
/// target, breaches).
/// </summary>
public sealed record AttentionCandidate(string Rule, string? Subject, string Owner, decimal? Amount, decimal? AmountBefore,
    long? Items, long? Customers, decimal? Rate, decimal? Target, string? Period);
