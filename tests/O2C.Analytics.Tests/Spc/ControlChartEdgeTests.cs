using O2C.Analytics.Metrics;
using O2C.Analytics.Spc;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Spc;

/// <summary>
/// The control charts at their edges: each run rule at exactly its sigma line and at the first point it can fire,
/// the smallest baseline, a month with no value, a configured baseline start, seasonal indices by hand, and the
/// charts stored by a refresh and read back for the pack.
/// </summary>
public class ControlChartEdgeTests
{
    private static DateOnly Month(int i) => new DateOnly(2024, 1, 1).AddMonths(i + 1).AddDays(-1);

    // Standardized points: centre 0, sigma 1, so each value is its own z.
    private static List<(int Index, string Rule, int Side)> Fired(params decimal[] z) =>
        RunRules.Evaluate(z.Select((v, i) => new SpcPoint(Month(i), v, 0, 1, -3, 3, null)).ToList()).Select(s => (s.Index, s.Rule, s.Side)).ToList();

    private static List<KpiValue> Series(string kpi, params decimal?[] values) =>
        values.Select((v, i) => new KpiValue(kpi, Month(i), "company", "All", v, v is null ? null : 1, v, v is null ? "not available" : null)).ToList();

    [Fact]
    public void A_point_exactly_on_a_sigma_line_is_not_beyond_it()
    {
        // Rule 1: 3.00 is on the line, 3.01 beyond it.
        Assert.Equal([(4, RunRules.BeyondThreeSigma, 1)], Fired(3m, -0.5m, -3m, 0.5m, 3.01m));
        // Rule 2: the third point exactly at 2 completes no pattern; a first point exactly at 2 is not one of the two.
        Assert.Empty(Fired(2.5m, 2.5m, 2m));
        Assert.Empty(Fired(2m, 0.5m, 2.5m));
        // Rule 3: the fifth point exactly at 1, or one of the four exactly at 1, completes nothing.
        Assert.Empty(Fired(1.5m, 1.5m, 1.5m, 1.5m, 1m));
        Assert.Empty(Fired(1m, 1.5m, 1.5m, 0.5m, 1.5m));
        // Rule 4: a point exactly on the centre line breaks a run of nine.
        Assert.Empty(Fired(0.3m, 0.3m, 0.3m, 0.3m, 0m, 0.3m, 0.3m, 0.3m, 0.3m));
    }

    [Fact]
    public void Each_rule_fires_at_the_first_point_that_can_complete_it()
    {
        Assert.Equal([(2, RunRules.TwoOfThreeBeyondTwoSigma, 1)], Fired(2.5m, 0.5m, 2.5m));
        Assert.Equal([(4, RunRules.FourOfFiveBeyondOneSigma, -1)], Fired(-1.5m, -1.5m, -1.5m, -1.5m, -1.5m));
        Assert.Equal([(8, RunRules.NineOnOneSide, 1)], Fired(0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m, 0.3m));
        Assert.Equal([(5, RunRules.SixTrending, 1)], Fired(0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.6m));
        Assert.Equal([(5, RunRules.SixTrending, -1)], Fired(0.6m, 0.5m, 0.4m, 0.3m, 0.2m, 0.1m));
        // Five points rising (four steps) are no trend.
        Assert.Empty(Fired(0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.5m));
    }

    [Fact]
    public void A_point_with_no_spread_sits_on_the_centre_line()
    {
        // A baseline with every value equal has sigma 0: z is 0, not a division by zero.
        Assert.Equal(0m, new SpcPoint(Month(0), 7m, 5m, 0m, 5m, 5m, null).Z);
        Assert.Equal(2m, new SpcPoint(Month(0), 7m, 5m, 1m, 2m, 8m, null).Z);
    }

    [Fact]
    public void Three_months_with_a_value_make_a_chart_and_two_do_not()
    {
        // An XmR baseline of 40, 42, 41: centre 41, moving ranges 2 and 1, mean 1.5, limits 41 +/- 2.66 x 1.5 = 37.01 .. 44.99.
        var chart = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", 40, 42, 41), new SpcOptions())!;
        Assert.Equal((3, 41m, 37.01m, 44.99m), (chart.BaselinePoints, chart.Points[0].Centre, chart.Points[0].Lower, chart.Points[0].Upper));
        Assert.Null(ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", 40, 42), new SpcOptions()));
        // Two months with a value and one without are still two: the empty month is left out, not charted as zero.
        Assert.Null(ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", 40, null, 42), new SpcOptions()));
        var withGap = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", 40, null, 42, 41), new SpcOptions())!;
        Assert.Equal([Month(0), Month(2), Month(3)], withGap.Points.Select(p => p.Month));
        // The XmR limits of two points: centre 41, moving range 2, limits 41 +/- 5.32; one point has no moving range.
        Assert.Equal(35.68m, ControlLimits.XmR([40m, 42m]).Lower);
        Assert.Throws<ArgumentException>(() => ControlLimits.XmR([40m]));
    }

    [Fact]
    public void A_configured_baseline_start_keeps_the_months_before_it_out_and_its_own_month_in()
    {
        // Baseline from month 2 (31 March 2024): 41, 40, 42 (the 90 and 10 before it are not the process).
        var chart = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", 90, 10, 41, 40, 42),
            new SpcOptions(BaselineStart: Month(2)))!;
        Assert.Equal(Month(2), chart.Points[0].Month);
        Assert.Equal((3, 41m), (chart.Points.Count, chart.Points[0].Centre));
    }

    [Fact]
    public void An_xmr_chart_not_seasonally_adjusted_has_the_plain_textbook_limits()
    {
        decimal[] values = [10, 12, 11, 13, 9, 10, 12, 11, 10, 12, 11, 13, 12];
        var chart = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", values.Select(v => (decimal?)v).ToArray()), new SpcOptions())!;
        var textbook = ControlLimits.XmR(values.Take(12).ToList());
        Assert.False(chart.SeasonallyAdjusted);
        Assert.Equal((textbook.Lower, textbook.Upper, textbook.Sigma), (chart.Points[12].Lower, chart.Points[12].Upper, chart.Points[12].Sigma));
    }

    [Fact]
    public void A_signal_down_is_good_news_for_dso_and_bad_news_for_cei()
    {
        var dso = ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", Series("dso", 40, 41, 40, 42, 41, 40, 41, 42, 40, 41, 40, 41, 20), new SpcOptions())!;
        Assert.Equal(("down", false), (Assert.Single(dso.Signals).Direction, dso.Signals[0].IsBad));
        var cei = ControlChartBuilder.Build(KpiCatalog.Get("cei"), "company", "All", Series("cei", 80, 81, 80, 82, 81, 80, 81, 82, 80, 81, 80, 81, 60), new SpcOptions())!;
        Assert.Equal(("down", true), (Assert.Single(cei.Signals).Direction, cei.Signals[0].IsBad));
    }

    [Fact]
    public void A_p_chart_takes_its_centre_from_the_baseline_months_only_and_scales_sigma_to_the_kpi_unit()
    {
        // 12 baseline months at 80 % of 100 receipts, then two months at 50 %: p-bar stays 0.8 (centre 80), sigma at
        // n = 100 is sqrt(0.8 x 0.2 / 100) = 0.04, i.e. 4 points of percentage; both late months fall below 68 (rule 1, down).
        var values = Enumerable.Range(0, 14).Select(i => new KpiValue("stp_rate_count", Month(i), "company", "All", i < 12 ? 80m : 50m, 100m, i < 12 ? 80m : 50m, null)).ToList();
        var chart = ControlChartBuilder.Build(KpiCatalog.Get("stp_rate_count"), "company", "All", values, new SpcOptions())!;
        Assert.Equal((ControlChartKind.P, 80m, 4m), (chart.Kind, chart.Points[13].Centre, Math.Round(chart.Points[13].Sigma, 6)));
        Assert.Equal([Month(12), Month(13)], chart.Signals.Where(s => s.Rule == RunRules.BeyondThreeSigma).Select(s => s.Month));
        // A month with no receipts has no p-chart limits: the KPI is charted as XmR instead.
        values[5] = values[5] with { Numerator = 0m, Denominator = 0m };
        Assert.Equal(ControlChartKind.XmR, ControlChartBuilder.Build(KpiCatalog.Get("stp_rate_count"), "company", "All", values, new SpcOptions())!.Kind);
    }

    [Fact]
    public void Seasonal_indices_are_each_months_mean_less_the_mean_of_the_twelve()
    {
        // 24 months at 10, except March 2024 at 20 and March 2025 at 24: March's mean is 22, every other month's 10.
        // The twelve means average (22 + 11 x 10) / 12 = 11, so March's index is +11 and every other month's -1.
        var baseline = Enumerable.Range(0, 24).Select(i => (Month: Month(i), Value: Month(i).Month != 3 ? 10m : Month(i).Year == 2024 ? 20m : 24m)).ToList();
        var indices = SeasonalAdjustment.Indices(baseline);
        Assert.Equal(12, indices.Count);
        Assert.Equal(11m, indices[3]);
        Assert.All(indices.Where(p => p.Key != 3), p => Assert.Equal(-1m, p.Value));
        Assert.Equal(9m, SeasonalAdjustment.Adjust(20m, new DateOnly(2026, 3, 31), indices));
        Assert.Throws<ArgumentException>(() => SeasonalAdjustment.Indices(baseline.Take(23).ToList()));
    }

    [Fact]
    public void Exactly_the_seasonal_baseline_of_24_months_is_enough_for_seasonal_adjustment()
    {
        var values = Series("dso", Enumerable.Range(0, 24).Select(i => (decimal?)(40 + i % 3)).ToArray());
        var options = new SpcOptions(SeasonalKpis: new HashSet<string> { "dso" });
        Assert.True(ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", values, options)!.SeasonallyAdjusted);
        Assert.False(ControlChartBuilder.Build(KpiCatalog.Get("dso"), "company", "All", values.Take(23).ToList(), options)!.SeasonallyAdjusted);
    }

    [Fact]
    public void A_refresh_stores_each_chart_after_the_warm_up_and_the_pack_reads_back_what_was_stored()
    {
        using var w = new TempWarehouse();
        // DSO for 20 months from January 2024; the first 6 are warm-up, so the baseline starts in July 2024 (month 6):
        // 12 baseline months alternating 40 and 42 (centre 41, moving range 2, limits 35.68 .. 46.32), then 50 in month 18.
        var values = Enumerable.Range(0, 20).Select(i => i < 6 ? 90m : i == 18 ? 50m : 40m + 2 * (i % 2)).ToList();
        for (var i = 0; i < values.Count; i++)
            w.Warehouse.Execute("INSERT INTO kpi_values VALUES ('dso', $m, 'company', 'All', $v, 1, $v, NULL, now())", ("m", Month(i)), ("v", values[i]));
        w.Warehouse.Execute("INSERT INTO kpi_values VALUES ('not_a_kpi', $m, 'company', 'All', 1, 1, 1, NULL, now())", ("m", Month(0)));
        w.Warehouse.Execute("INSERT INTO kpi_targets VALUES ('dso', DATE '2020-01-01', 45, NULL, 'targets.csv', 2, 1), ('dso', DATE '2024-01-01', 38, NULL, 'targets.csv', 3, 1)");

        var charts = SpcRunner.Run(w.Warehouse, new SpcOptions());
        var chart = Assert.Single(charts);
        Assert.Equal((Month(6), 14, 12, 38m), (chart.Points[0].Month, chart.Points.Count, chart.BaselinePoints, chart.Target));
        Assert.Equal(14L, w.Count("spc_points"));
        Assert.Equal(12L, w.Warehouse.Scalar<long>("SELECT count(*) FROM spc_points WHERE in_baseline"));
        Assert.Equal(Month(17), w.Warehouse.Scalar<DateOnly>("SELECT max(period_end) FROM spc_points WHERE in_baseline"));
        Assert.Equal((Month(18), "up", true, true), w.Warehouse.Query("SELECT period_end, direction, is_bad, alerting FROM spc_signals WHERE rule = $r",
            r => (r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3)), ("r", RunRules.BeyondThreeSigma)).Single());

        var read = Assert.Single(ControlChartReader.Read(w.Warehouse, Month(17)));
        Assert.Equal((ControlChartKind.XmR, 12, 12, 41m, 35.68m, 46.32m), (read.Kind, read.Points.Count, read.BaselinePoints, read.Points[0].Centre, read.Points[0].Lower, read.Points[0].Upper));
        Assert.Empty(read.Signals);
        Assert.Equal(45m, read.Target); // the pack passes no targets here: the catalogue's default
        var whole = Assert.Single(ControlChartReader.Read(w.Warehouse, Month(19), new Dictionary<string, decimal> { ["dso"] = 33m }));
        Assert.Equal((14, 33m), (whole.Points.Count, whole.Target));
        Assert.Contains(whole.Signals, s => s.Month == Month(18) && s.Rule == RunRules.BeyondThreeSigma);

        // A second refresh replaces the charts and their signals, it does not add to them.
        var signals = w.Count("spc_signals");
        SpcRunner.Run(w.Warehouse, new SpcOptions());
        Assert.Equal((14L, signals), (w.Count("spc_points"), w.Count("spc_signals")));
    }

    [Fact]
    public void A_p_chart_alerts_on_rule_1_only_while_an_xmr_chart_alerts_on_every_rule()
    {
        using var w = new TempWarehouse();
        // 28 months from January 2024, the first 6 warm-up, the next 12 the baseline, alternating low (even month) and high.
        // STP (count) is a p-chart: 78 and 82 of 100 receipts (p-bar 0.8, sigma 4 points, limits 68 .. 92), then 83 in
        // months 18 .. 26 (z = +0.75) and 50 in month 27 (z = -7.5). Nine in a row above the centre (months 17 .. 25 and
        // 18 .. 26) is rule 4 at months 25 and 26, not alerting; month 27 is rule 1, alerting.
        // DSO is an XmR chart: 40 and 42 (centre 41, sigma 2 / 1.128 = 1.773), then 43 in months 18 .. 26 (z = +1.128):
        // rule 3 (4 of the last 5 beyond 1 sigma) at months 21 .. 26, rule 4 at 25 and 26, every one alerting.
        for (var i = 0; i < 28; i++)
        {
            var stp = i < 6 ? 80m : i < 18 ? 78m + 4 * (i % 2) : i < 27 ? 83m : 50m;
            var dso = i < 6 ? 90m : i < 18 ? 40m + 2 * (i % 2) : i < 27 ? 43m : 41m;
            w.Warehouse.Execute("INSERT INTO kpi_values VALUES ('stp_rate_count', $m, 'company', 'All', $v, 100, $v, NULL, now())", ("m", Month(i)), ("v", stp));
            w.Warehouse.Execute("INSERT INTO kpi_values VALUES ('dso', $m, 'company', 'All', $v, 1, $v, NULL, now())", ("m", Month(i)), ("v", dso));
        }
        var charts = SpcRunner.Run(w.Warehouse, new SpcOptions());
        Assert.Equal([("dso", ControlChartKind.XmR), ("stp_rate_count", ControlChartKind.P)], charts.Select(c => (c.Kpi.Id, c.Kind)).OrderBy(c => c.Item1));

        List<(DateOnly, string, bool)> Stored(string kpi) => w.Warehouse.Query(
            "SELECT period_end, rule, alerting FROM spc_signals WHERE kpi_id = $k ORDER BY period_end, rule",
            r => (r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetBoolean(2)), ("k", kpi)).ToList();
        Assert.Equal([(Month(25), RunRules.NineOnOneSide, false), (Month(26), RunRules.NineOnOneSide, false), (Month(27), RunRules.BeyondThreeSigma, true)],
            Stored("stp_rate_count"));
        Assert.Equal(Enumerable.Range(21, 6).Select(m => (Month(m), RunRules.FourOfFiveBeyondOneSigma, true))
                .Concat([(Month(25), RunRules.NineOnOneSide, true), (Month(26), RunRules.NineOnOneSide, true)]).Order(),
            Stored("dso"));
    }
}
