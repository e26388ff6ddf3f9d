namespace O2C.Analytics.Predict;

/// <summary>
/// Dates an invoice that is still open on a morning. The days model predicts at issue; by the morning the invoice
/// has been open <c>age</c> days, so every outcome in which it was paid earlier is ruled out. Its days to pay is
/// the median of (prediction + the model's past errors) over the errors that leave it unpaid until that morning;
/// an invoice later than the model has ever been wrong is expected that morning.
/// </summary>
public sealed class OpenInvoiceDating
{
    /// <summary>Errors (actual - predicted days) at 0.5 % steps: enough to condition on, small enough to store with a run.</summary>
    public IReadOnlyList<float> ErrorQuantiles { get; }

    public OpenInvoiceDating(IEnumerable<float> errorQuantiles) => ErrorQuantiles = errorQuantiles.Order().ToArray();

    public static OpenInvoiceDating FromErrors(IEnumerable<float> errors)
    {
        var sorted = errors.Order().ToArray();
        if (sorted.Length == 0) return new OpenInvoiceDating([0f]);
        return new OpenInvoiceDating(Enumerable.Range(0, 201).Select(i => sorted[(int)Math.Round(i / 200.0 * (sorted.Length - 1))]));
    }

    /// <param name="predicted">The at-issue prediction of days to pay.</param>
    /// <param name="age">Days from the invoice date to the morning it is still open on.</param>
    public float DaysToPay(float predicted, int age)
    {
        var errors = ErrorQuantiles;
        var first = 0;
        while (first < errors.Count && predicted + errors[first] < age) first++;
        if (first == errors.Count) return age;
        return Math.Max(age, predicted + errors[first + (errors.Count - 1 - first) / 2]);
    }
}
