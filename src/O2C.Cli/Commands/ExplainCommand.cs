using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Analyst;
using O2C.Analytics.Configuration;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>`o2c explain dso --month 2026-10 --dimension region --member EMEA`: the customers behind a KPI value, adding up to it.</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var kpi = new Argument<string>("kpi") { Description = "KPI id (o2c kpi --list), e.g. dso, past_due_pct, cash_collected" };
        var month = MonthOption.Create("Month, yyyy-MM (default: the latest closed month)");
        var dimension = new Option<string>("--dimension") { Description = "company (default), region, segment, currency, risk_class, collector, bpo_team, score_band", DefaultValueFactory = _ => ReportingDimension.Company };
        var member = new Option<string?>("--member") { Description = "The dimension's member, e.g. EMEA (required with --dimension)" };
        var top = new Option<int>("--top") { Description = "Customers listed, largest part first (the totals always cover all)", DefaultValueFactory = _ => 25 };
        var format = new Option<string>("--format") { Description = "table or csv (csv lists every customer)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("explain", "The customers behind a KPI value: each one's numerator and denominator, adding up to the value stored in kpi_values")
        {
            kpi, month, dimension, member, top, format,
        };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30));
            var reportingMonth = MonthOption.Parse(parse.GetValue(month)) ?? ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today));
            var dim = parse.GetValue(dimension)!;
            if (dim != ReportingDimension.Company && parse.GetValue(member) is null)
                throw new ArgumentException($"--dimension {dim} needs --member: the members are {string.Join(", ", KpiValueReader.Members(warehouse, dim))}");
            var explanation = KpiExplainer.Explain(warehouse, SqlFolder.Default(), parse.GetValue(kpi)!, reportingMonth.End, dim, parse.GetValue(member));
            if (parse.GetValue(format) == "csv") Csv(explanation);
            else Table(explanation, parse.GetValue(top));
            return 0;
        });
        return command;
    }

    private static string N(decimal? v) => v?.ToString("#,##0.######", CultureInfo.InvariantCulture) ?? "";

    private static void Csv(KpiExplanation e)
    {
        Console.WriteLine("customer_id,customer_name,numerator,denominator");
        foreach (var p in e.Parts)
            Console.WriteLine(string.Join(",", new[] { p.CustomerId ?? "", p.CustomerName ?? "", p.Numerator.ToString(CultureInfo.InvariantCulture), p.Denominator?.ToString(CultureInfo.InvariantCulture) ?? "" }
                .Select(v => v.Contains(',') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v)));
    }

    private static void Table(KpiExplanation e, int top)
    {
        var scope = e.Dimension == ReportingDimension.Company ? "company" : $"{e.Dimension} {e.Member}";
        AnsiConsole.MarkupLineInterpolated($"[bold]{e.Kpi.Name}[/], {e.MonthEnd:MMMM yyyy}, {scope}: {e.Kpi.Formula}");
        var table = new Table().AddColumn("customer").AddColumn("name").AddColumn(new TableColumn("numerator").RightAligned()).AddColumn(new TableColumn("denominator").RightAligned());
        foreach (var p in e.Parts.Take(top))
            table.AddRow(Markup.Escape(p.CustomerId ?? "(no customer)"), Markup.Escape(p.CustomerName ?? ""), N(p.Numerator), N(p.Denominator));
        if (e.Parts.Count > top) table.AddRow($"... {e.Parts.Count - top:N0} more", "", "", "");
        table.AddRow($"[bold]all {e.Parts.Count:N0} customers[/]", "", $"[bold]{N(e.Numerator)}[/]", $"[bold]{N(e.Denominator)}[/]");
        AnsiConsole.Write(table);
        if (e.Stored is { } stored)
        {
            var same = Math.Round(stored.Numerator ?? 0, 6) == Math.Round(e.Numerator, 6) && Math.Round(stored.Denominator ?? 0, 6) == Math.Round(e.Denominator ?? 0, 6);
            AnsiConsole.MarkupLineInterpolated($"kpi_values: numerator {N(stored.Numerator)}, denominator {N(stored.Denominator)}, value {N(stored.Value)}{(stored.Note is { } note ? $" ({note})" : "")}: {(same || stored.Value is null ? "the parts add up to it" : "[red]the parts do not add up to it[/]")}");
        }
        else AnsiConsole.MarkupLine("kpi_values has no value for this month and member.");
    }
}
