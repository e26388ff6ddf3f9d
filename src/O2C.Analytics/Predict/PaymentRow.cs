namespace O2C.Analytics.Predict;

/// <summary>One invoice as the payment models see it: features known on its date, and the outcome when it is known.</summary>
public sealed record PaymentRow(
    string DocumentId,
    string CustomerId,
    DateOnly Date,
    float[] Numeric,
    string[] Categorical,
    float? DaysToPay,
    float? DaysLate,
    decimal OpenAmountRc = 0)
{
    public float Feature(string name) => Numeric[IndexOf(name)];

    private static int IndexOf(string name)
    {
        for (var i = 0; i < PaymentFeatures.Numeric.Count; i++) if (PaymentFeatures.Numeric[i] == name) return i;
        throw new ArgumentException($"no numeric feature {name}");
    }

    /// <summary>
    /// The naive forecast the models must beat, and the anchor the days model predicts from: the customer's median
    /// days to pay so far (a stronger baseline than the mean: one very late invoice does not move it), or the
    /// payment terms without history.
    /// </summary>
    public float Anchor => Feature("hist_count") > 0 ? Feature("hist_median_days_to_pay") : Feature("terms_days");

    public float BaselineLateScore => Feature("hist_count") > 0 ? Feature("hist_share_late") : 0f;

    /// <summary>Why an invoice is at risk, in words a collector uses, strongest first (at most three).</summary>
    public string Reasons()
    {
        var reasons = new List<(float Weight, string Text)>();
        if (Feature("hist_count") == 0) reasons.Add((1f, "no payment history"));
        if (Feature("hist_mean_days_late") >= 5) reasons.Add((Feature("hist_mean_days_late"), $"pays {Feature("hist_mean_days_late"):0} days late on average"));
        if (Feature("hist_trend_days_late") >= 5) reasons.Add((Feature("hist_trend_days_late"), $"paying {Feature("hist_trend_days_late"):0} days later lately"));
        if (Feature("disputes_before") > 0) reasons.Add((2 * Feature("disputes_before"), $"{Feature("disputes_before"):0} dispute(s) on record"));
        if (Feature("promises_before") > 0) reasons.Add((2 * Feature("promises_before"), $"{Feature("promises_before"):0} promise(s) to pay made before"));
        if (Feature("amount_ratio") >= 2) reasons.Add((3 * Feature("amount_ratio"), $"amount {Feature("amount_ratio"):0.0}x the customer's usual"));
        return reasons.Count == 0 ? "pays on time as a rule" : string.Join("; ", reasons.OrderByDescending(r => r.Weight).Take(3).Select(r => r.Text));
    }
}
