using O2C.Analytics.Predict;

namespace O2C.Analytics.Tests.Predict;

/// <summary>
/// An invoice still open is dated from its at-issue prediction and the model's past errors, keeping only the
/// outcomes in which it is still unpaid. Errors -10, -5, 0, +5, +10 days; predicted at issue: 30 days.
/// </summary>
public sealed class OpenInvoiceDatingTests
{
    private readonly OpenInvoiceDating _dating = new([-10f, -5f, 0f, 5f, 10f]);

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
    public void Quantiles_of_the_errors_keep_their_order_and_ends()
    {
        var dating = OpenInvoiceDating.FromErrors([3f, -2f, 7f, 0f]);
        Assert.Equal(201, dating.ErrorQuantiles.Count);
        Assert.Equal(-2f, dating.ErrorQuantiles[0]);
        Assert.Equal(7f, dating.ErrorQuantiles[^1]);
        Assert.Equal(dating.ErrorQuantiles.Order(), dating.ErrorQuantiles);
    }
}
