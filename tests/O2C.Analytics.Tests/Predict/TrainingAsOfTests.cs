using O2C.Analytics.Predict;

namespace O2C.Analytics.Tests.Predict;

/// <summary>
/// Issue 19's as-of rule: a model trained at a cut-off never learns from an outcome dated on or after it. The
/// training set used to be "invoices issued before the split", which let in invoices paid after it (81 on the IBM
/// data). Split on the morning of 1 April 2026.
/// </summary>
public sealed class TrainingAsOfTests
{
    private static PaymentRow Row(string id, string issued, float? daysToPay) =>
        new(id, "C1", DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), [], [], daysToPay, 0f);

    [Fact]
    public void Only_invoices_settled_before_the_cut_off_are_training_data()
    {
        var rows = new[]
        {
            Row("I1", "2026-03-01", 30), // paid 03-31, the day before: known
            Row("I2", "2026-03-01", 31), // paid 04-01, the cut-off day itself: not known that morning
            Row("I3", "2026-03-31", 10), // issued before, paid 04-10: a future outcome
            Row("I4", "2026-04-01", 0),  // issued on the cut-off day
            Row("I5", "2026-02-01", null), // still open
        };
        Assert.Equal(["I1"], PaymentModelTrainer.KnownBefore(rows, new DateOnly(2026, 4, 1)).Select(r => r.DocumentId));
    }
}
