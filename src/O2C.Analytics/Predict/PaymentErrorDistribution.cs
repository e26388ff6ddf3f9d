namespace O2C.Analytics.Predict;

/// <summary>
/// How wrong the days model was on the invoices it learned from (actual - predicted days to pay), kept as 201
/// quantiles. Read against one invoice's prediction it is that invoice's distribution of days to pay, which gives
/// its expected pay date and its probabilities of paying late, one consistent with the other. For an invoice
/// still open on a morning, <c>age</c> days after its date, every outcome in which it was paid earlier is ruled
/// out first: its days to pay is the median of the outcomes left, and it is late with the share of them beyond
/// the due date. An invoice later than the model has ever been wrong is expected that morning.
/// </summary>
public sealed class PaymentErrorDistribution
{
    public IReadOnlyList<float> Quantiles { get; }

    public PaymentErrorDistribution(IEnumerable<float> quantiles) => Quantiles = quantiles.Order().ToArray();

    public static PaymentErrorDistribution FromErrors(IEnumerable<float> errors)
    {
        var sorted = errors.Order().ToArray();
        if (sorted.Length == 0) return new PaymentErrorDistribution([0f]);
        return new PaymentErrorDistribution(Enumerable.Range(0, 201).Select(i => sorted[(int)Math.Round(i / 200.0 * (sorted.Length - 1))]));
    }

    /// <param name="predicted">The model's days to pay from the invoice date.</param>
    /// <param name="age">Days from the invoice date to the morning it is still open on (0 at issue).</param>
    public float DaysToPay(float predicted, int age)
    {
        var first = FirstPossible(predicted, age);
        if (first == Quantiles.Count) return age;
        return Math.Max(age, predicted + Quantiles[first + (Quantiles.Count - 1 - first) / 2]);
    }

    /// <summary>The probability of paying more than <paramref name="days"/> days after the invoice date, given it is still open at <paramref name="age"/>.</summary>
    public float ProbabilityLaterThan(float predicted, int age, float days)
    {
        var first = FirstPossible(predicted, age);
        if (first == Quantiles.Count) return age > days ? 1f : 0.5f;
        var later = 0;
        for (var i = first; i < Quantiles.Count; i++) if (predicted + Quantiles[i] > days) later++;
        return (float)later / (Quantiles.Count - first);
    }

    private int FirstPossible(float predicted, int age)
    {
        var first = 0;
        while (first < Quantiles.Count && predicted + Quantiles[first] < age) first++;
        return first;
    }
}
