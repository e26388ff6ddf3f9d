using O2C.Analytics.CustomerScore;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.CustomerScore;

/// <summary>
/// Issue 23: the customer score ranks what happens next. On the bundled sample (month ends November 2023 to July 2026
/// with three month ends after them; the points were fitted on those to June 2025), the score's AUC for a
/// 90-day-forward delinquency is at least 0.75 over all month ends, and the bands' delinquency rises from A to E.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class CustomerScoreValidationTests(SamplePackFixture run)
{
    [Fact]
    public void The_score_ranks_the_next_90_days_delinquency_with_an_auc_of_at_least_0_75()
    {
        using var w = run.OpenWarehouse();
        var rankings = CustomerScoreValidation.Rankings(w, SqlFolder.Default());
        var all = rankings.Single(r => r.MonthEnd is null);
        Assert.True(all.Auc >= 0.75, $"AUC over all month ends {all.Auc:0.000}");
        // Out of time: the month ends after the fit's last (June 2025) on their own.
        var later = rankings.Where(r => r.MonthEnd > new DateOnly(2025, 6, 30)).ToList();
        Assert.Equal(13, later.Count);
        Assert.All(later, r => Assert.True(r.Auc >= 0.70, $"{r.MonthEnd}: AUC {r.Auc:0.000}"));
        Assert.True(later.Average(r => r.Auc!.Value) >= 0.75, $"mean AUC after June 2025 {later.Average(r => r.Auc!.Value):0.000}");
        // Every scored customer-month with three month ends after it is counted, once.
        Assert.Equal(w.Scalar<long>("SELECT count(*) FROM fct_customer_score_monthly WHERE month_end <= DATE '2026-07-31'"), all.CustomerMonths);
    }

    [Fact]
    public void The_bands_delinquency_rises_from_A_to_E()
    {
        using var w = run.OpenWarehouse();
        var bands = CustomerScoreValidation.Bands(w, SqlFolder.Default());
        Assert.Equal(["A", "B", "C", "D", "E"], bands.Select(b => b.Band));
        // The sample has every edge score: each band runs exactly from its lower edge to the next one's.
        Assert.Equal(["80-100", "65-79", "50-64", "35-49", "0-34"], bands.Select(b => $"{b.LowestScore}-{b.HighestScore}"));
        for (var i = 1; i < bands.Count; i++)
            Assert.True(bands[i].DelinquentShare > bands[i - 1].DelinquentShare,
                $"band {bands[i].Band} {bands[i].DelinquentShare:P1} is not above {bands[i - 1].Band} {bands[i - 1].DelinquentShare:P1}");
        Assert.True(bands[^1].DelinquentShare > 4 * bands[0].DelinquentShare, "E is not far riskier than A");
    }

    [Fact]
    public void Fitting_on_the_sample_to_June_2025_gives_the_scorecards_points()
    {
        using var w = run.OpenWarehouse();
        var fitted = ScorecardCalibration.Fit(w, new DateOnly(2025, 6, 30));
        Assert.Equal(w.Scalar<long>("SELECT count(*) FROM int_customer_scorecard"), fitted.Count);
        Assert.Empty(fitted.Where(b => b.FittedPoints is { } p && p != b.CurrentPoints).Select(b => $"{b.Factor} {b.Bin}: fitted {b.FittedPoints}, now {b.CurrentPoints}"));
        // The only bin the sample never fills is a customer without a credit limit (its points are chosen: the middle bin's).
        Assert.Equal(["credit_limit_use none"], fitted.Where(b => b.FittedPoints is null).Select(b => $"{b.Factor} {b.Bin}"));
        // Tenure's delinquency fell as tenure rose against the expected direction: pooled into one bin, no points.
        Assert.All(fitted.Where(b => b.Factor == "tenure_months"), b => Assert.Equal(0, b.FittedPoints));
    }

    [Fact]
    public void Every_customer_month_has_a_score_whose_factor_points_add_up_to_it()
    {
        using var w = run.OpenWarehouse();
        var points = string.Join(" + ", ScoreFactor.All.Select(f => f.ScorePrefix + "_points"));
        Assert.Equal(0L, w.Scalar<long>($"SELECT count(*) FROM fct_customer_score_monthly WHERE score IS NULL OR score <> {points} OR score NOT BETWEEN 0 AND 100"));
        Assert.Equal(w.Scalar<long>("SELECT count(*) FROM fct_customer_score_factors"), w.Scalar<long>("SELECT count(*) FROM fct_customer_score_monthly"));
    }

    [Fact]
    public void The_scorecards_bins_of_each_factor_leave_no_gap_and_do_not_overlap()
    {
        using var w = run.OpenWarehouse();
        // In bin order, each bin starts where the one before ended; the first is open below, the last above.
        var broken = w.Query("""
            SELECT factor || ' ' || bin FROM (
                SELECT factor, bin, bin_order, above, up_to,
                       lag(up_to) OVER (PARTITION BY factor ORDER BY bin_order) AS previous_up_to,
                       row_number() OVER (PARTITION BY factor ORDER BY bin_order) AS n,
                       count(*) OVER (PARTITION BY factor) AS bins
                FROM int_customer_scorecard WHERE bin <> 'none')
            WHERE (n = 1 AND above IS NOT NULL) OR (n > 1 AND above IS DISTINCT FROM previous_up_to)
               OR (n = bins AND up_to IS NOT NULL) OR (n < bins AND up_to IS NULL)
            """, r => r.GetString(0));
        Assert.Empty(broken);
        Assert.Equal(ScoreFactor.All.Select(f => f.Column).Order(), w.Query("SELECT DISTINCT factor FROM int_customer_scorecard ORDER BY 1", r => r.GetString(0)));
        // The best bins add up to 100, the worst to 0.
        Assert.Equal(100L, w.Scalar<long>("SELECT sum(m)::BIGINT FROM (SELECT max(points) AS m FROM int_customer_scorecard GROUP BY factor)"));
        Assert.Equal(0L, w.Scalar<long>("SELECT sum(m)::BIGINT FROM (SELECT min(points) AS m FROM int_customer_scorecard GROUP BY factor)"));
    }
}
