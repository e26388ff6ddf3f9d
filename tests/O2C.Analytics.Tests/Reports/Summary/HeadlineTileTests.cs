using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Tests.Reports.Summary;

/// <summary>A tile's variance, arrow and colour follow its figure's direction (issue 20), worked by hand.</summary>
public sealed class HeadlineTileTests
{
    /// <summary>DSO (lower is better) 45.0 -> 41.1: change -3.9 days, -3.9 / 45.0 = -8.67 % -> "−9 %"; down is good; 41.1 <= target 45 is good.</summary>
    [Fact]
    public void A_lower_is_better_figure_that_fell_is_good_news()
    {
        var tile = new HeadlineTile("DSO", "days", 41.1m, 45.0m, "on September", KpiDirection.LowerIsBetter, Target: 45m);
        Assert.Equal(-3.9m, tile.Change);
        Assert.Equal(-0.0867m, Math.Round(tile.ChangePercent!.Value, 4));
        Assert.Equal(TileTone.Good, tile.Tone);
        Assert.Equal(TileTone.Good, tile.AgainstTarget);
        Assert.Equal("\u25BC \u22123.9 days (\u22129 %) on September", tile.ChangeText);
    }

    /// <summary>Cash collected (higher is better) 28.4 M -> 32.0 M: +3.6 M, 3.6 / 28.4 = +12.7 % -> "+13 %"; up is good.</summary>
    [Fact]
    public void A_higher_is_better_amount_that_rose_is_good_news_in_millions()
    {
        var tile = new HeadlineTile("Cash collected", "amount", 32_000_000m, 28_400_000m, "on September", KpiDirection.HigherIsBetter);
        Assert.Equal(3_600_000m, tile.Change);
        Assert.Equal(TileTone.Good, tile.Tone);
        Assert.Null(tile.AgainstTarget);
        Assert.Equal("\u25B2 +3.6 M (+13 %) on September", tile.ChangeText);
    }

    /// <summary>Overdue (lower is better) 2.9 M -> 5.3 M: +2.4 M, +82.8 % -> "+83 %"; up is bad.</summary>
    [Fact]
    public void A_lower_is_better_amount_that_rose_is_bad_news()
    {
        var tile = new HeadlineTile("Overdue", "amount", 5_300_000m, 2_900_000m, "on September", KpiDirection.LowerIsBetter);
        Assert.Equal(TileTone.Bad, tile.Tone);
        Assert.Equal("\u25B2 +2.4 M (+83 %) on September", tile.ChangeText);
    }

    /// <summary>CEI (higher is better, a %) 90.9 -> 85.8: −5.1 points, no relative change for a percentage; down is bad; 85.8 >= target 80 is good.</summary>
    [Fact]
    public void A_percentage_changes_in_points_and_a_fall_in_a_higher_is_better_one_is_bad()
    {
        var tile = new HeadlineTile("CEI", "%", 85.8m, 90.9m, "on September", KpiDirection.HigherIsBetter, Target: 80m);
        Assert.Null(tile.ChangePercent);
        Assert.Equal(TileTone.Bad, tile.Tone);
        Assert.Equal(TileTone.Good, tile.AgainstTarget);
        Assert.Equal("\u25BC \u22125.1 pts on September", tile.ChangeText);
    }

    /// <summary>
    /// Over 90 days 375 k -> 378 k: +3 k = +0.8 %, below the 2 % that makes a change worth a headline (it keeps its red
    /// arrow on the tile). Overdue share 12.8 vs 12.5 %: +0.3 pts, below half a point. DSO 41.1 vs 45.0: material.
    /// </summary>
    [Fact]
    public void Only_material_changes_count_as_better_or_worse()
    {
        var over90 = new HeadlineTile("Over 90", "amount", 378_000m, 375_000m, "on September", KpiDirection.LowerIsBetter);
        Assert.Equal(TileTone.Bad, over90.Tone);
        Assert.False(over90.IsMaterial);
        Assert.False(new HeadlineTile("Share", "%", 12.8m, 12.5m, "on September", KpiDirection.LowerIsBetter).IsMaterial);
        Assert.True(new HeadlineTile("DSO", "days", 41.1m, 45.0m, "on September", KpiDirection.LowerIsBetter).IsMaterial);
    }

    /// <summary>Beside the change: the target and the same month a year before, in the figure's unit.</summary>
    [Fact]
    public void The_context_line_names_the_target_and_last_year()
    {
        var tile = new HeadlineTile("DSO", "days", 41.1m, 45.0m, "on September", KpiDirection.LowerIsBetter, Target: 45m, YearAgo: 38.4m, YearAgoMonth: "Oct 2025");
        Assert.Equal("target 45.0 days \u00B7 Oct 2025: 38.4 days", tile.Context);
        Assert.Equal("", new HeadlineTile("Cash", "amount", 1m, 1m, "on September", KpiDirection.HigherIsBetter).Context);
    }

    /// <summary>A change that rounds to nothing as printed is neither good nor bad: 12.84 -> 12.81 % is "► 0.0 pts".</summary>
    [Fact]
    public void A_change_that_rounds_to_nothing_is_grey()
    {
        var tile = new HeadlineTile("Share", "%", 12.81m, 12.84m, "on September", KpiDirection.LowerIsBetter);
        Assert.Equal(TileTone.Neutral, tile.Tone);
        Assert.Equal("\u25BA 0.0 pts on September", tile.ChangeText);
    }

    [Fact]
    public void No_change_or_no_prior_is_neutral()
    {
        Assert.Equal(TileTone.Neutral, new HeadlineTile("DSO", "days", 41m, 41m, "on September", KpiDirection.LowerIsBetter).Tone);
        var none = new HeadlineTile("DSO", "days", 41m, null, "on September", KpiDirection.LowerIsBetter);
        Assert.Equal(TileTone.Neutral, none.Tone);
        Assert.Equal("no figure to compare on September", none.ChangeText);
    }

    /// <summary>Amounts on leadership pages: 999,949 is 1000 k (rounds to k), 999,950 is 1.0 M, 850,400 is 850 k, 420.4 is 420, −1.25 M.</summary>
    [Theory]
    [InlineData("999949", "1000 k")]
    [InlineData("999950", "1.0 M")]
    [InlineData("850400", "850 k")]
    [InlineData("420.4", "420")]
    [InlineData("-1250000", "\u22121.3 M")]
    public void Amounts_are_scaled_without_cents(string amount, string expected) =>
        Assert.Equal(expected, LeadershipFigures.Amount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
