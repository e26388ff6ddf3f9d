using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Analyst;
using O2C.Analytics.Configuration;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>`o2c aging --as-of 2026-03-15 --by region`: open receivables aged as of any day, by group, in the reporting currency.</summary>
public static class AgingCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "The day, yyyy-MM-dd (default: yesterday): everything dated on or before it counts" };
        var by = new Option<string>("--by") { Description = "company (default), customer, region, segment, currency, risk_class, collector, bpo_team", DefaultValueFactory = _ => "company" };
        var customer = new Option<string?>("--customer") { Description = "One customer id only" };
        var buckets = new Option<string?>("--buckets") { Description = "Bucket boundaries in days past due (default 30,60,90,120)" };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("aging", "Open receivables aged as of any day, by group and bucket, in the reporting currency at that day's rate") { asOf, by, customer, buckets, format };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            var day = parse.GetValue(asOf) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new ArgumentException($"--as-of '{text}' is not a date yyyy-MM-dd")
                : DateOnly.FromDateTime(DateTime.Today).AddDays(-1);
            var bounds = AgingBuckets.Parse(parse.GetValue(buckets));
            using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30));
            var group = parse.GetValue(customer) is null ? parse.GetValue(by)! : "customer";
            var lines = AgingBuckets.Run(warehouse, SqlFolder.Default(), day, group, parse.GetValue(customer), bounds);
            var labels = AgingBuckets.Labels(bounds);
            if (parse.GetValue(format) == "csv")
            {
                Console.WriteLine("group,bucket,items,amount_rc,items_without_rate");
                foreach (var l in lines)
                    Console.WriteLine($"\"{l.Group.Replace("\"", "\"\"")}\",{l.Bucket},{l.Items},{l.Amount?.ToString(CultureInfo.InvariantCulture)},{l.ItemsWithoutRate}");
                return 0;
            }
            var table = new Table().Title($"open AR as of {day:yyyy-MM-dd}, days past due = {day:yyyy-MM-dd} - due date").AddColumn(group);
            foreach (var label in labels) table.AddColumn(new TableColumn(label).RightAligned());
            table.AddColumn(new TableColumn("total").RightAligned());
            foreach (var g in lines.GroupBy(l => l.Group))
                table.AddRow([Markup.Escape(g.Key), .. labels.Select(b => N(g.Where(l => l.Bucket == b).Sum(l => l.Amount ?? 0))), N(g.Sum(l => l.Amount ?? 0))]);
            AnsiConsole.Write(table);
            if (lines.Sum(l => l.ItemsWithoutRate) is > 0 and var missing)
                ErrorOutput.Warning($"{missing:N0} open items in currencies with no rate on or before {day:yyyy-MM-dd}: counted, not valued");
            return 0;
        });
        return command;
    }

    private static string N(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
