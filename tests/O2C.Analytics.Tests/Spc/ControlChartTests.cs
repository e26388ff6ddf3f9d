using O2C.Analytics.Metrics;
using O2C.Analytics.Spc;

namespace O2C.Analytics.Tests.Spc;

public class ControlChartTests
{
    private static readonly DateOnly Start = new(2024, 1, 31);

    private static DateOnly Month(int i) => new DateOnly(2024, 1, 1).AddMonths(i + 1).AddDays(-1);

    private static List<KpiValue> Series(string kpi, params decimal[] values) =>
        values.Select((v, i) => new KpiValue(kpi, Month(i), "company", "All", v, 1, v, null)).ToList();

    [Fact]
    public void XmR_limits_equal_the_hand_computed_textbook_values()
    {
        // Baseline (12 points): 10 12 11 13 9 10 12 11 10 12 11 13. Mean 134 / 12 = 11.1666667.
        // Moving ranges 2 1 2 4 1 2 1 1 2 1 2: sum 19, mean 19 / 11 = 1.7272727.
        // Limits 11.1666667 +/- 2.66 x 19 / 11 = 6.5721212 .. 15.7612121; MR upper limit 3.267 x 19 / 11 = 62.073 / 11 = 5.643.
        var limits = ControlLimits.XmR([10, 12, 11, 13, 9, 10, 12, 11, 10, 12, 11, 13]);
        Assert.Equal(11.166667m, Math.Round(limits.Centre, 6));
        Assert.Equal(1.727273m, Math.Round(limits.MeanMovingRange, 6));
        Assert.Equal(6.572121m, Math.Round(limits.Lower, 6));
        Assert.Equal(15.761212m, Math.Round(limits.Upper, 6));
        Assert.Equal(5.643m, Math.Round(limits.MovingRangeUpper, 6));
        Assert.Equal(1.531270m, Math.Round(limits.Sigma, 6)); // 1.7272727 / 1.128
    }

    [Fact]
    public void Each_rule_fires_exactly_where_expected_and_nowhere_else()
    {
        // Standardized points (centre 0, sigma 1) alternating +/-0.5 as background, with one pattern per rule.
        decimal[] z =
        [
            0.5m, -0.5m, 0.5m, 3.5m,                  // 3: beyond 3 sigma (up)
            -0.5m, 0.5m, 2.5m, -0.5m, 2.4m,           // 8: 2 of 3 (6 and 8) beyond 2 sigma (up)
            -0.5m, -1.5m, -1.2m, 0.5m, -1.3m, -1.1m,  // 14: 4 of 5 (10, 11, 13, 14) beyond 1 sigma (down)
            0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, // 23: 9 in a row above the centre (15-23)
            -0.9m, -0.6m, -0.3m, 0.0m, 0.2m, 0.4m,    // 29: 6 in a row rising (24-29)
        ];
        var points = z.Select((v, i) => new SpcPoint(Month(i), v, 0, 1, -3, 3, null)).ToList();
        var fired = RunRules.Evaluate(points).Select(s => (s.Index, s.Rule, s.Side)).ToList();
        Assert.Equal(
        [
            (3, RunRules.BeyondThreeSigma, 1),
            (8, RunRules.TwoOfThreeBeyondTwoSigma, 1),
            (14, RunRules.FourOfFiveBeyondOneSigma, -1),
            (23, RunRules.NineOnOneSide, 1),
            (29, RunRules.SixTrending, 1),
        ], fired);
    }

    [Fact]
    public void P_chart_limits_narrow_as_the_denominator_grows()
    {
        // p-bar 0.8. n = 100: sigma = sqrt(0.8 x 0.2 / 100) = 0.04, limits 68 % .. 92 %; n = 400: sigma 0.02, 74 % .. 86 %.
        var values = Enumerable.Range(0, 14).Select(i =>
        {
            var n = i % 2 == 0 ? 100m : 400m;
            return new KpiValue("stp_rate_count", Month(i), "company", "All", 0.8m * n, n, 80m, null);
        }).ToList();
        var chart = ControlChartBuilder.Build(KpiCatalog.Get("stp_rate_count"), "company", "All", values, new SpcOptions())!;
        Assert.Equal(ControlChartKind.P, chart.Kind);
        Assert.Equal((68m, 92m), (Math.Round(chart.Points[0].Lower, 6), Math.Round(chart.Points[0].Upper, 6)));
        Assert.Equal((74m, 86m), (Math.Round(chart.Points[1].Lower, 6), Math.Round(chart.Points[1].Upper, 6)));
        Assert.All(chart.Points, p => Assert.Equal(80m, p.Centre));
        Assert.Empty(chart.Signals);
    }

    [Fact]
    public void A_signal_is_bad_when_it_moves_the_kpi_the_wrong_way()
    {
        var values = Series("dso", 40, 41, 40, 42, 41, 40, 41, 42, 40, 41, 40, 41, 60); // DSO jumps: lower is better
        var chart = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", values, new SpcOptions())!;
        var signal = Assert.Single(chart.Signals);
        Assert.Equal((Month(12), RunRules.BeyondThreeSigma, "up", true), (signal.Month, signal.Rule, signal.Direction, signal.IsBad));
        var cei = ControlChartBuilder.Build(KpiCatalog.Get("cei"), "company", "All", Series("cei", 80, 81, 80, 82, 81, 80, 81, 82, 80, 81, 80, 81, 95), new SpcOptions())!;
        Assert.False(Assert.Single(cei.Signals).IsBad); // CEI up: good news
    }

    [Fact]
    public void Seasonal_adjustment_absorbs_a_recurring_quarter_end_spike_but_not_a_new_shift()
    {
        // 36 months: 50 plus noise repeating every 5 months (1, -1, 0.5, -0.5, 0: not a yearly pattern), +10 at every
        // quarter end (March, June, September, December), and from month 30 on a new shift of +8.
        decimal[] noise = [1m, -1m, 0.5m, -0.5m, 0m];
        var values = Enumerable.Range(0, 36).Select(i =>
        {
            var month = Month(i);
            var v = 50m + noise[i % 5] + (month.Month % 3 == 0 ? 10 : 0) + (i >= 30 ? 8 : 0);
            return new KpiValue("dso", month, "company", "All", v, 1, v, null);
        }).ToList();
        var options = new SpcOptions(SeasonalKpis: new HashSet<string> { "dso" });
        var adjusted = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", values, options)!;
        Assert.True(adjusted.SeasonallyAdjusted);
        // No signal at all before the shift, quarter ends included...
        Assert.DoesNotContain(adjusted.Signals, s => s.Month < Month(30));
        // ...and the new shift is caught at once.
        Assert.Contains(adjusted.Signals, s => s.Month == Month(30) && s.Rule == RunRules.BeyondThreeSigma && s.IsBad);
        // Unadjusted, the spikes inflate the moving range: limits more than three times as wide, the shift no rule-1 signal.
        var raw = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", values, new SpcOptions())!;
        Assert.True(raw.Points[0].Upper - raw.Points[0].Lower > 3 * (adjusted.Points[0].Upper - adjusted.Points[0].Lower));
        Assert.DoesNotContain(raw.Signals, s => s.Month >= Month(30) && s.Rule == RunRules.BeyondThreeSigma);
    }
}
