namespace O2C.Analytics.CustomerScore;

/// <summary>
/// A factor of the customer score: its value's column in fct_customer_score_factors (the scorecard's factor name),
/// the prefix of its bin and points columns in fct_customer_score_monthly, and what it means to a collector.
/// </summary>
public sealed record ScoreFactor(string Column, string ScorePrefix, string Meaning, bool IsShare)
{
    public static readonly IReadOnlyList<ScoreFactor> All =
    [
        new("late_share_12m", "late_share", "share of invoices settled in 12 months that were paid late", true),
        new("mean_days_late_12m", "days_late", "mean days late of those invoices", false),
        new("late_share_trend", "late_trend", "late share of the last 3 months less that of the 9 before", true),
        new("broken_promises_12m", "broken_promises", "promises to pay broken in 12 months", false),
        new("disputes_12m", "disputes", "disputes opened in 12 months", false),
        new("past_due_share", "past_due", "share of AR past due at the month end", true),
        new("credit_limit_use", "credit_limit_use", "AR as a share of the credit limit", true),
        new("tenure_months", "tenure", "months since the customer's first document", false),
    ];
}
