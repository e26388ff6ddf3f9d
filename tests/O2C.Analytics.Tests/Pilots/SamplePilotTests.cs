using O2C.Analytics.Metrics;
using O2C.Analytics.Pilots;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Pilots;

/// <summary>
/// Issue 23: the sample's pilot (data-samples/README.md): from 1 May 2026 half the customers of bands C to E, drawn by
/// the product, pay every invoice issued from then 7 days sooner. The product draws the same customers the generator
/// gave the effect to, recovers the 7 days inside its interval, and its checks find nothing where nothing is.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class SamplePilotTests(SamplePackFixture run)
{
    private const string Pilot = "call-before-due";

    [Fact]
    public void The_refresh_draws_half_of_each_band_and_exactly_the_customers_the_generator_gave_the_effect_to()
    {
        using var w = run.OpenWarehouse();
        var truth = File.ReadAllLines(Path.Combine(RepoPaths.DataSamples, "_truth", "pilot_customers.csv")).Skip(1)
            .Select(l => l.Split(',')[1]).Order(StringComparer.Ordinal).ToList();
        var drawn = w.Query("SELECT customer_id FROM pilot_assignments WHERE pilot_id = $p AND arm = 'pilot' ORDER BY customer_id",
            r => r.GetString(0), ("p", Pilot));
        Assert.True(truth.Count > 200, $"{truth.Count} pilot customers");
        Assert.Equal(truth, drawn);
        // Stratified: in each band, round(0.5 x the band's customers at 30 April) are in the pilot; only bands C to E.
        var bands = w.Query("""
            SELECT score_band, count(*), count(*) FILTER (WHERE arm = 'pilot') FROM pilot_assignments WHERE pilot_id = $p GROUP BY ALL ORDER BY 1
            """, r => (Band: r.GetString(0), All: r.GetInt64(1), InPilot: r.GetInt64(2)), ("p", Pilot));
        Assert.Equal(["C", "D", "E"], bands.Select(b => b.Band));
        Assert.All(bands, b => Assert.Equal((long)Math.Round(b.All * 0.5, MidpointRounding.AwayFromZero), b.InPilot));
        Assert.Equal(w.Scalar<long>("SELECT count(*) FROM fct_customer_score_monthly WHERE month_end = DATE '2026-04-30' AND score_band IN ('C', 'D', 'E')"),
            bands.Sum(b => b.All));
    }

    /// <summary>
    /// The true effect: the pilot group's days to pay over May to July as the sample has it, less the same as it would
    /// have been without the pilot (the generator's truth, measured by the same SQL on the history it drew from). Each
    /// payment came 7 days sooner; a weekly payment run can move one a few days more, the day after the invoice stops
    /// one, and the 90-day cap holds the slowest.
    /// </summary>
    [Fact]
    public void The_true_effect_is_inside_the_interval_and_the_placebo_before_the_start_finds_nothing()
    {
        using var w = run.OpenWarehouse();
        var report = PilotEvaluation.Report(w, SqlFolder.Default(), Pilot)!;
        Assert.True(report.Complete);
        var days = report.Metrics.Single(m => m.Metric.Id == "days_to_pay");
        var effect = days.Effect!;
        var without = File.ReadAllLines(Path.Combine(RepoPaths.DataSamples, "_truth", "pilot_customers.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[1], f => (AmountDays: double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), Amount: double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)));
        var counted = PilotEvaluation.Changes(w, SqlFolder.Default(), days.Metric, Pilot, report.Pilot.BeforeFrom, report.Pilot.Start, report.Pilot.AfterTo)
            .Where(c => c.InPilot).ToList();
        var truth = counted.Sum(c => c.NumeratorAfter) / counted.Sum(c => c.DenominatorAfter)
                    - counted.Sum(c => without[c.CustomerId].AmountDays) / counted.Sum(c => without[c.CustomerId].Amount);
        Assert.InRange(truth, -9.0, -6.0);
        Assert.True(effect.Low <= truth && truth <= effect.High, $"true effect {truth:0.00}; estimate {effect.Estimate:0.00} ({effect.Low:0.00} to {effect.High:0.00})");
        Assert.True(effect.High < 0, $"effect {effect.Estimate:0.0} ({effect.Low:0.0} to {effect.High:0.0})");
        Assert.True(effect.PilotCustomers > 200 && effect.ControlCustomers > 200);
        // The placebo: the same test on the three months before the start, against the six before those.
        Assert.InRange(0.0, days.Placebo!.Low, days.Placebo.High);
        // Every measure has a result on both groups.
        Assert.All(report.Metrics, m => Assert.NotNull(m.Effect));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_AA_split_of_the_control_group_finds_no_effect(int seed)
    {
        using var w = run.OpenWarehouse();
        var report = PilotEvaluation.Report(w, SqlFolder.Default(), Pilot, aaSeed: seed)!;
        var aa = report.Metrics.Single(m => m.Metric.Id == "days_to_pay").AaSplit!;
        Assert.InRange(0.0, aa.Low, aa.High);
        // The split is the control group's own: about half of it on each side.
        var control = report.Metrics.Single(m => m.Metric.Id == "days_to_pay").Effect!.ControlCustomers;
        Assert.Equal(control, aa.PilotCustomers + aa.ControlCustomers);
        Assert.InRange(aa.PilotCustomers, control / 2 - 3, control / 2 + 3);
    }

    [Fact]
    public void A_drawn_pilot_is_never_drawn_again_even_when_its_definition_changes()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-pilot-").FullName;
        try
        {
            using var w = Warehouse.Open(run.CopyWarehouseTo(folder));
            var before = w.Query("SELECT customer_id || arm FROM pilot_assignments ORDER BY 1", r => r.GetString(0));
            w.Execute("UPDATE pilots SET seed = 99, pilot_share = 0.3");
            var notes = PilotAssignment.DrawDue(w, SqlFolder.Default(), DateTimeOffset.UtcNow);
            Assert.Equal([$"pilot {Pilot}: its definition changed after its groups were drawn; the groups and the design drawn stand (pilot_designs). A new design needs a new pilot id."], notes);
            Assert.Equal(before, w.Query("SELECT customer_id || arm FROM pilot_assignments ORDER BY 1", r => r.GetString(0)));
            // Measured as drawn, and saying so: a window or share changed after the results were seen changes nothing.
            w.Execute("UPDATE pilots SET pre_months = 2, post_months = 1");
            var design = PilotEvaluation.Definition(w, Pilot)!;
            Assert.Equal((0.5m, 2026, 6, 3, true), (design.Share, design.Seed, design.PreMonths, design.PostMonths, design.ChangedSinceDraw));
            // A new pilot id is drawn, with its own seed: the same customers, other groups.
            w.Execute("INSERT INTO pilots SELECT 'second', strategy_id, start_date, 0.5, 7, score_bands, pre_months, post_months, description, source_file, source_line, load_id FROM pilots WHERE pilot_id = $p", ("p", Pilot));
            Assert.Contains("pilot second: drawn from the scores at 2026-04-30", string.Join("\n", PilotAssignment.DrawDue(w, SqlFolder.Default(), DateTimeOffset.UtcNow)));
            var second = w.Query("SELECT customer_id FROM pilot_assignments WHERE pilot_id = 'second' AND arm = 'pilot' ORDER BY 1", r => r.GetString(0));
            var first = w.Query("SELECT customer_id FROM pilot_assignments WHERE pilot_id = $p AND arm = 'pilot' ORDER BY 1", r => r.GetString(0), ("p", Pilot));
            Assert.Equal(first.Count, second.Count);
            Assert.NotEqual(first, second);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_pilot_is_drawn_only_once_the_month_before_its_start_has_closed_and_never_with_a_group_too_small()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-pilot-").FullName;
        try
        {
            using var w = Warehouse.Open(run.CopyWarehouseTo(folder));
            w.Execute("""
                INSERT INTO pilots SELECT 'june', strategy_id, DATE '2026-06-01', 0.5, 11, score_bands, pre_months, post_months, description, source_file, source_line, load_id FROM pilots WHERE pilot_id = $p;
                INSERT INTO pilots SELECT 'sliver', strategy_id, start_date, 0.02, 11, score_bands, pre_months, post_months, description, source_file, source_line, load_id FROM pilots WHERE pilot_id = $p;
                INSERT INTO pilots SELECT 'too-early', strategy_id, DATE '2023-06-01', 0.5, 11, score_bands, pre_months, post_months, description, source_file, source_line, load_id FROM pilots WHERE pilot_id = $p;
                """, ("p", Pilot));
            long Drawn(string id) => w.Scalar<long>("SELECT count(*) FROM pilot_assignments WHERE pilot_id = $id", ("id", id));
            // On 20 May, May is open: its scores would count invoices due later in May as past due. Not drawn.
            var notes = PilotAssignment.DrawDue(w, SqlFolder.Default(), new DateTimeOffset(2026, 5, 20, 8, 0, 0, TimeSpan.Zero));
            Assert.Equal(0L, Drawn("june"));
            // 2 % of each band is about 11 customers in all: refused, nothing kept, every refresh saying why.
            Assert.Contains(notes, n => n.StartsWith("pilot sliver not drawn: it would have ", StringComparison.Ordinal) && n.Contains($"each group needs at least {PilotAssignment.MinimumPerGroup}", StringComparison.Ordinal));
            Assert.Equal(0L, Drawn("sliver"));
            Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM pilot_designs WHERE pilot_id = 'sliver'"));
            Assert.Contains(notes, n => n.StartsWith("pilot too-early can never be drawn", StringComparison.Ordinal));
            // On 2 June, May has closed: drawn from the scores at 31 May.
            notes = PilotAssignment.DrawDue(w, SqlFolder.Default(), new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero));
            Assert.Contains(notes, n => n.StartsWith("pilot june: drawn from the scores at 2026-05-31", StringComparison.Ordinal));
            Assert.True(Drawn("june") > 2 * PilotAssignment.MinimumPerGroup);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
