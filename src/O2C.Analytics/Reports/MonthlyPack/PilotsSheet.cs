using ClosedXML.Excel;
using O2C.Analytics.Pilots;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Analyst workbook, Pilots: each pilot with its design, its groups, and every measure's difference in differences
/// with its interval, beside the placebo before the start and the A/A split of the control group (o2c pilot report
/// shows the same). The strategies themselves are on the Strategies sheet.
/// </summary>
public static class PilotsSheet
{
    public const string Name = "Pilots";

    private static readonly IReadOnlyList<ReportColumn> ResultColumns =
    [
        new("measure", "Measure", ColumnKind.Text, 22),
        new("unit", "Unit", ColumnKind.Text, 7),
        new("pilot_before", "Pilot before", ColumnKind.Days, 10),
        new("pilot_after", "Pilot after", ColumnKind.Days, 10),
        new("control_before", "Control before", ColumnKind.Days, 10),
        new("control_after", "Control after", ColumnKind.Days, 10),
        new("effect", "Effect", ColumnKind.Days, 9),
        new("low", "95 % low", ColumnKind.Days, 9),
        new("high", "95 % high", ColumnKind.Days, 9),
        new("reading", "Reading", ColumnKind.Text, 44),
        new("pilot_customers", "Pilot customers", ColumnKind.Count, 9),
        new("control_customers", "Control customers", ColumnKind.Count, 9),
        new("placebo", "Placebo", ColumnKind.Days, 9),
        new("placebo_low", "Placebo 95 % low", ColumnKind.Days, 9),
        new("placebo_high", "Placebo 95 % high", ColumnKind.Days, 9),
        new("aa", "A/A split", ColumnKind.Days, 9),
        new("aa_low", "A/A 95 % low", ColumnKind.Days, 9),
        new("aa_high", "A/A 95 % high", ColumnKind.Days, 9),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Collection-strategy pilots: {pack.MonthEnd:MMMM yyyy}",
            "A pilot tries a strategy on a random share of each band's customers (drawn once, from the scores at the month end before its start); the rest are its control group. " +
            "Effect: the pilot group's change from the months before the start to the months from it, less the control group's (each group's measure as the KPI is for any group of customers). " +
            "Interval: bootstrap by customer. Placebo (the same test before the start) and A/A (the control group split in two) must find nothing. Differences of percentages in points. Customers: those with the measure on both sides of the start.");
        var row = 4;
        if (pack.Pilots.Count == 0)
        {
            ws.Cell(row, 1).SetValue("No pilot has its groups drawn by this month (pilots.csv; the refresh draws them from the scores at the month end before the start).");
            SheetLayout.Print(ws, 0);
            return;
        }
        var n = 0;
        foreach (var report in pack.Pilots)
        {
            var p = report.Pilot;
            SheetLayout.Heading(ws, row, $"Pilot {p.PilotId}: {p.Description ?? p.StrategyDescription ?? p.StrategyId}");
            UntrustedText.Set(ws.Cell(row + 1, 1),
                $"Strategy {p.StrategyId}; start {p.Start:yyyy-MM-dd}; {p.Share:0.##%} of bands {p.Bands ?? "A to E"}, seed {p.Seed}; groups drawn from the scores at {report.DrawnFrom:yyyy-MM-dd}: " +
                $"{report.PilotCustomers:N0} pilot, {report.Customers - report.PilotCustomers:N0} control. Compared: {p.PreMonths} month ends before the start ({p.BeforeFrom:yyyy-MM} on) with {p.PostMonths} from it (to {p.LastMonthEnd:yyyy-MM}). " +
                (report.Complete ? "Final." : $"Interim: measured to {report.AsOf:yyyy-MM-dd}; final from {p.FinalFrom:yyyy-MM-dd}, when the last month's invoices have had {PilotDefinition.FollowUpDays} days.") +
                (p.ChangedSinceDraw ? " pilots.csv has changed since the draw: measured as drawn." : "") +
                (report.ReachesBeforeData ? $" The months compared reach back before the warehouse's first month ({report.FirstMonthEnd:yyyy-MM})." : ""));
            var rows = report.Metrics.Select(m => Row(m)).ToList();
            row = TableWriter.Write(ws, row + 3, 1, new ReportTable(ResultColumns, rows), $"Pilot{++n}", setWidths: n == 1) + 2;
        }
        ws.SheetView.FreezeRows(0);
        SheetLayout.Print(ws, 0);
    }

    private static object?[] Row(PilotMetricResult m)
    {
        var e = m.Effect;
        var reading = e is null ? "no customers on both sides"
            : !e.HasInterval ? $"too few customers for an interval (under {DiffInDiff.MinimumForInterval} a side)"
            : !e.IsEffect ? "no effect at 95 %"
            : (m.Metric.LowerIsBetter ? e.High < 0 : e.Low > 0) ? "better than control" : "worse than control";
        if (m.Placebo?.IsEffect == true || m.AaSplit?.IsEffect == true) reading += "; a check found a difference";
        return
        [
            m.Metric.ShortName, m.Metric.Unit,
            D(e?.PilotBefore), D(e?.PilotAfter), D(e?.ControlBefore), D(e?.ControlAfter), D(e?.Estimate), D(e?.Low), D(e?.High),
            reading, e?.PilotCustomers, e?.ControlCustomers,
            D(m.Placebo?.Estimate), D(m.Placebo?.Low), D(m.Placebo?.High), D(m.AaSplit?.Estimate), D(m.AaSplit?.Low), D(m.AaSplit?.High),
        ];
    }

    private static decimal? D(double? v) => v is { } d && double.IsFinite(d) ? Math.Round((decimal)d, 2) : null;
}
