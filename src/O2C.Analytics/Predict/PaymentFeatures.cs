namespace O2C.Analytics.Predict;

/// <summary>
/// The features payment models may use (columns of fct_invoice_payment_features), and the guard that refuses any
/// feature that could only be known after the invoice date: an outcome column, or anything derived from settlement.
/// </summary>
public static class PaymentFeatures
{
    public static readonly IReadOnlyList<string> Numeric =
    [
        "terms_days", "log_amount_rc", "amount_ratio", "invoice_month", "invoice_day",
        "hist_count", "hist_mean_days_to_pay", "hist_median_days_to_pay", "hist_mean_days_late", "hist_share_late",
        "hist_trend_days_late", "disputes_before", "promises_before", "open_before", "overdue_before", "hist_channel_count", "channel_median_gap", "hist_channel_share_late",
    ];

    public static readonly IReadOnlyList<string> Categorical = ["currency_code", "segment", "region", "invoice_channel"];

    /// <summary>Outcomes and the source columns they come from: never features.</summary>
    private static readonly string[] Outcomes = ["settled_date", "days_to_pay", "days_late", "daystosettle", "days_to_settle", "settleddate", "clearing_date"];

    public static void Guard(IEnumerable<string> features)
    {
        foreach (var feature in features)
        {
            var name = feature.ToLowerInvariant();
            // History features describe earlier invoices' settlements, known on the invoice date: allowed.
            if (name.StartsWith("hist_", StringComparison.Ordinal)) continue;
            if (Outcomes.Any(o => name.Contains(o, StringComparison.Ordinal)) || name.Contains("settle", StringComparison.Ordinal))
                throw new InvalidOperationException(
                    $"feature '{feature}' is known only after the invoice is paid (it leaks the outcome); payment models may not use it");
        }
    }
}
