using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Spc;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class SpcCommand
{
    public static Command Create()
    {
        var month = MonthOption.Create("Month, yyyy-MM (default: the latest closed month)");
        var dimension = new Option<string>("--dimension") { Description = "Chart this dimension's members too (region, segment, ...)", DefaultValueFactory = _ => ReportingDimension.Company };
        var reports = new Option<string?>("--reports") { Description = "Folder for the charts (default: reports)" };
        var command = new Command("spc", "Control charts for every KPI: print the month's signals, write the charts under reports/charts/") { month, dimension, reports };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            if (parse.GetValue(reports) is { } reportsFolder) settings.ReportsFolder = reportsFolder;
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var reportingMonth = MonthOption.Parse(parse.GetValue(month)) ?? ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today));
            var monthEnd = reportingMonth.End;
            var charts = SpcRunner.Run(warehouse, settings.Spc);
            var folder = CommonOptions.Steps(parse, settings).Paths.Charts(reportingMonth);
            var written = ChartPack.Write(charts, monthEnd, folder);
            if (parse.GetValue(dimension) is { } d && d != ReportingDimension.Company)
                written = [.. written, .. ChartPack.Write(charts, monthEnd, folder, d)];
            Print(charts, monthEnd);
            AnsiConsole.MarkupLineInterpolated($"{written.Count} charts written to {Path.GetFullPath(folder)}");
            return 0;
        });
        return command;
    }

    private static void Print(IReadOnlyList<ControlChart> charts, DateOnly monthEnd)
    {
        var table = new Table().Title($"control-chart signals, {ReportingMonth.Of(monthEnd)}, company")
            .AddColumn("KPI").AddColumn("chart").AddColumn(new TableColumn("value").RightAligned()).AddColumn("limits").AddColumn("rule").AddColumn("direction");
        var any = false;
        foreach (var chart in charts.Where(c => c.Dimension == ReportingDimension.Company))
        {
            var point = chart.Points.FirstOrDefault(p => p.Month == monthEnd);
            foreach (var s in chart.Signals.Where(s => s.Month == monthEnd && (s.Rule == RunRules.BeyondThreeSigma || chart.Kind == ControlChartKind.XmR)))
            {
                any = true;
                table.AddRow(Markup.Escape(chart.Kpi.Name), chart.Kind.ToString(), point?.Value.ToString("0.0") ?? "",
                    point is null ? "" : $"{point.Lower:0.0} .. {point.Upper:0.0}", Markup.Escape(s.Rule),
                    s.IsBad ? $"[red]{s.Direction} (bad)[/]" : $"[green]{s.Direction} (good)[/]");
            }
        }
        if (any) AnsiConsole.Write(table);
        else AnsiConsole.MarkupLineInterpolated($"No control-chart signal in {ReportingMonth.Of(monthEnd)}.");
    }
}
