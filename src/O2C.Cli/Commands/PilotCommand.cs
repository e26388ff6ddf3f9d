using System.CommandLine;
using System.Globalization;
using O2C.Analytics;
using O2C.Analytics.Analyst;
using O2C.Analytics.Configuration;
using O2C.Analytics.Pilots;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>`o2c pilot report NAME`: what a collection-strategy pilot did against its control group; `o2c pilot list`: the pilots.</summary>
public static class PilotCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The pilot's id (pilots.csv), e.g. call-before-due" };
        var report = new Command("report", "Pilot against control group on days to pay, ADD, cash per open AR, promises kept and dunning effectiveness: difference in differences with a 95 % bootstrap interval, beside a placebo and an A/A split") { name };
        report.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30));
            var id = parse.GetValue(name)!;
            var closed = O2C.Analytics.Pipeline.ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today)).End;
            if (PilotEvaluation.Report(warehouse, SqlFolder.Default(), id, asOf: closed) is not { } result)
            {
                var known = PilotEvaluation.PilotIds(warehouse);
                ErrorOutput.Line(known.Count == 0
                    ? $"no pilot '{id}': no pilot is loaded (pilots.csv, docs/customer-score.md)"
                    : $"no pilot '{id}': the pilots are {string.Join(", ", known)}");
                return ExitCodes.Usage;
            }
            Write(result);
            return result.Drawn ? 0 : ExitCodes.Incomplete;
        });
        var list = new Command("list", "The pilots loaded, their strategy, start, share and whether their groups are drawn");
        list.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30));
            var table = new Table().AddColumn("pilot").AddColumn("strategy").AddColumn("start").AddColumn(new TableColumn("share").RightAligned())
                .AddColumn("bands").AddColumn("groups");
            foreach (var id in PilotEvaluation.PilotIds(warehouse))
            {
                var p = PilotEvaluation.Definition(warehouse, id)!;
                var drawn = warehouse.Query("SELECT pilot_customers, customers FROM pilot_designs WHERE pilot_id = $p", r => $"{r.GetInt64(0):N0} pilot, {r.GetInt64(1) - r.GetInt64(0):N0} control", ("p", id)).SingleOrDefault();
                table.AddRow(Markup.Escape(id), Markup.Escape(p.StrategyId), $"{p.Start:yyyy-MM-dd}", p.Share.ToString("0.##%", CultureInfo.InvariantCulture), p.Bands ?? "all", drawn ?? "not drawn yet");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("pilot", "Collection-strategy pilots: a strategy tried on a random share of customers, measured against the rest") { report, list };
    }

    private static string F(double v, PilotMetric m) => v.ToString("0.0", CultureInfo.InvariantCulture) + (m.Unit == "%" ? " %" : "");
    /// <summary>A difference: in points for a percentage, in days for days.</summary>
    private static string Signed(double v, PilotMetric m) => (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture) + (m.Unit == "%" ? " pts" : "");

    private static void Write(PilotReport r)
    {
        var p = r.Pilot;
        AnsiConsole.MarkupLineInterpolated($"[bold]Pilot {p.PilotId}[/]: strategy {p.StrategyId}{(p.StrategyDescription is { } d ? $" ({d})" : "")}");
        AnsiConsole.MarkupLineInterpolated($"Start {p.Start:yyyy-MM-dd}; {p.Share:0.##%} of the customers of bands {p.Bands ?? "A-E"} drawn at random (seed {p.Seed}, stratified by band).");
        if (p.ChangedSinceDraw)
            AnsiConsole.MarkupLine("[yellow]pilots.csv no longer says this: the pilot is measured as it was drawn (pilot_designs). A new design needs a new pilot id.[/]");
        if (!r.Drawn)
        {
            ErrorOutput.Line($"pilot {p.PilotId} has no groups yet: they are drawn at the first refresh with customer scores at the month end before {p.Start:yyyy-MM-dd}");
            return;
        }
        AnsiConsole.MarkupLineInterpolated($"Groups drawn from the scores at {r.DrawnFrom:yyyy-MM-dd}: {r.PilotCustomers:N0} pilot, {r.Customers - r.PilotCustomers:N0} control customers{(r.DrawnAt is { } at && DateOnly.FromDateTime(at) > p.Start ? $" (drawn on {at:yyyy-MM-dd}, after the start: as they would have been drawn then, but collectors can only have worked them from the draw)" : "")}.");
        if (r.ReachesBeforeData)
            AnsiConsole.MarkupLineInterpolated($"[yellow]The months compared reach back before the warehouse's first month ({r.FirstMonthEnd:yyyy-MM}): the comparison, or its placebo, is shorter than designed.[/]");
        AnsiConsole.MarkupLineInterpolated($"Compared: the {p.PreMonths} month ends before the start against the {p.PostMonths} from it ({p.BeforeFrom:yyyy-MM} to {p.LastMonthEnd:yyyy-MM}).");
        if (!r.Complete)
            AnsiConsole.MarkupLineInterpolated($"[yellow]Interim: measured to {r.AsOf:yyyy-MM-dd}; final from {p.FinalFrom:yyyy-MM-dd}, when the last month's invoices have had their {PilotDefinition.FollowUpDays} days.[/]");
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("pilot before → after").RightAligned()).AddColumn(new TableColumn("control before → after").RightAligned())
            .AddColumn(new TableColumn("effect (diff. in diff.)").RightAligned()).AddColumn(new TableColumn("95 % interval").RightAligned())
            .AddColumn(new TableColumn("customers").RightAligned()).AddColumn(new TableColumn("placebo, before the start").RightAligned()).AddColumn(new TableColumn("A/A split").RightAligned());
        foreach (var m in r.Metrics)
        {
            if (m.Effect is not { } e) { table.AddRow(Markup.Escape(m.Metric.Name), "", "", "no customers on both sides", "", "", "", ""); continue; }
            var better = m.Metric.LowerIsBetter ? e.High < 0 : e.Low > 0;
            var worse = m.Metric.LowerIsBetter ? e.Low > 0 : e.High < 0;
            var effect = Signed(e.Estimate, m.Metric);
            table.AddRow(Markup.Escape(m.Metric.Name),
                $"{F(e.PilotBefore, m.Metric)} → {F(e.PilotAfter, m.Metric)}", $"{F(e.ControlBefore, m.Metric)} → {F(e.ControlAfter, m.Metric)}",
                better ? $"[green]{effect}[/]" : worse ? $"[red]{effect}[/]" : effect,
                e.HasInterval ? $"{Signed(e.Low, m.Metric)} to {Signed(e.High, m.Metric)}" : $"too few customers (under {DiffInDiff.MinimumForInterval} a side)", $"{e.PilotCustomers:N0} / {e.ControlCustomers:N0}",
                Check(m.Placebo, m.Metric), Check(m.AaSplit, m.Metric));
        }
        AnsiConsole.Write(table);
        Console.WriteLine("Effect: the pilot group's change less the control group's (a difference in differences; percentages in points); interval: bootstrap by customer (2,000 resamples within group and band). Customers: those with the measure on both sides of the start.");
        Console.WriteLine("Placebo: the same test moved back before the start; A/A: the control group split in two as the pilot was drawn. Both should find nothing (their interval holding 0).");
    }

    private static string Check(DiffInDiff? d, PilotMetric m) => d is null ? "n/a" : !d.HasInterval ? "too few customers" :
        $"{Signed(d.Estimate, m)} ({Signed(d.Low, m)} to {Signed(d.High, m)}){(d.IsEffect ? " [red]![/]" : "")}";
}
