using O2C.Analytics.Predict;

namespace O2C.Analytics.Tests.Predict;

/// <summary>
/// An invoice is dated, and its lateness scored, from the model's prediction and the model's past errors, keeping
/// only the outcomes in which it is still unpaid on the morning. Errors -10, -5, 0, +5, +10 days; predicted: 30 days.
/// </summary>
public sealed class PaymentErrorDistributionTests
{
    private readonly PaymentErrorDistribution _dating = new([-10f, -5f, 0f, 5f, 10f]);

    [Fact]
    public void A_young_invoice_keeps_the_median_of_every_outcome()
    {
        // 10 days old: all five outcomes (20, 25, 30, 35, 40) are still possible; the median is 30.
        Assert.Equal(30f, _dating.DaysToPay(30f, 10));
    }

    [Fact]
    public void An_invoice_open_past_its_prediction_is_dated_from_the_outcomes_still_possible()
    {
        // 33 days old: only 35 and 40 remain; the median of the remaining errors (+5, +10) taken from below: 35.
        Assert.Equal(35f, _dating.DaysToPay(30f, 33));
        // 40 days old: only 40 remains.
        Assert.Equal(40f, _dating.DaysToPay(30f, 40));
    }

    [Fact]
    public void An_invoice_later_than_the_model_was_ever_wrong_is_expected_the_same_morning()
    {
        Assert.Equal(45f, _dating.DaysToPay(30f, 45));
    }

    [Fact]
    public void Probability_late_is_the_share_of_the_outcomes_still_possible_beyond_the_due_date()
    {
        // Terms 30: at issue, of 20, 25, 30, 35, 40 two are beyond 30 days: 2/5. 10 days late (beyond 40): none.
        Assert.Equal(0.4f, _dating.ProbabilityLaterThan(30f, 0, 30f));
        Assert.Equal(0f, _dating.ProbabilityLaterThan(30f, 0, 40f));
        // Still open after 28 days: 30, 35, 40 remain, two of them late: 2/3. After 31 days it is late for sure.
        Assert.Equal(2f / 3f, _dating.ProbabilityLaterThan(30f, 28, 30f));
        Assert.Equal(1f, _dating.ProbabilityLaterThan(30f, 31, 30f));
    }

    [Fact]
    public void Quantiles_of_the_errors_keep_their_order_and_ends()
    {
        var errors = PaymentErrorDistribution.FromErrors([3f, -2f, 7f, 0f]);
        Assert.Equal(201, errors.Quantiles.Count);
        Assert.Equal(-2f, errors.Quantiles[0]);
        Assert.Equal(7f, errors.Quantiles[^1]);
        Assert.Equal(errors.Quantiles.Order(), errors.Quantiles);
    }
}
