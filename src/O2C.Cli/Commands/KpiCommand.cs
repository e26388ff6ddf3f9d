using O2C.Analytics.Render.Csv;
using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class KpiCommand
{
    public static Command Create()
    {
        var month = MonthOption.Create("Month, yyyy-MM (default: the latest closed month)");
        var dimension = new Option<string>("--dimension")
        {
            Description = "company, region, segment, currency, risk_class, collector, bpo_team, score_band (the band at the month end before) or dispute_category",
            DefaultValueFactory = _ => ReportingDimension.Company,
        };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var list = new Option<bool>("--list") { Description = "Print the KPI catalogue instead of values" };
        var docs = new Option<string?>("--docs") { Description = "Write the catalogue as Markdown to this file (docs/kpis.md)" };
        var kpis = new Option<string?>("--kpi") { Description = "Only these KPIs, by id, comma-separated (o2c kpi --list), e.g. dso,cei" };
        var from = MonthOption.Create("First month of a range, yyyy-MM (with --to; instead of --month)", "--from");
        var to = MonthOption.Create("Last month of a range, yyyy-MM (default with --from: the latest closed month)", "--to");
        var command = new Command("kpi", "Print KPI values of a month (or a range of months) by dimension, or the KPI catalogue") { month, dimension, format, list, docs, kpis, from, to };
        command.SetAction(parse =>
        {
            if (parse.GetValue(docs) is { } path)
            {
                File.WriteAllText(path, KpiDocumentation.Markdown(KpiCatalog.All));
                Console.WriteLine(Path.GetFullPath(path));
                return 0;
            }
            if (parse.GetValue(list))
            {
                PrintCatalogue();
                return 0;
            }
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var latest = ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today));
            if (parse.GetValue(month) is not null && parse.GetValue(from) is not null)
                throw new ArgumentException("--month is one month; --from and --to a range: give one or the other");
            var first = MonthOption.Parse(parse.GetValue(from)) ?? MonthOption.Parse(parse.GetValue(month)) ?? latest;
            var last = parse.GetValue(from) is null ? first : MonthOption.Parse(parse.GetValue(to)) ?? latest;
            if (last.End < first.End) throw new ArgumentException($"--to {last} is before --from {first}");
            var wanted = parse.GetValue(kpis) is { } ids ? ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet() : null;
            if (wanted?.FirstOrDefault(id => KpiCatalog.All.All(k => k.Id != id)) is { } unknown)
                throw new ArgumentException($"no KPI {unknown}: o2c kpi --list shows them all");
            var values = KpiValueReader.Read(warehouse, parse.GetValue(dimension)!)
                .Where(v => v.PeriodEnd >= first.End && v.PeriodEnd <= last.End && (wanted is null || wanted.Contains(v.KpiId))).ToList();
            if (values.Count == 0)
            {
                ErrorOutput.Line($"no KPI values for {first}{(last.End > first.End ? $" to {last}" : "")} and dimension {parse.GetValue(dimension)}: run o2c refresh (or o2c run) first, or check --dimension");
                return O2C.Analytics.ExitCodes.Incomplete;
            }
            Print(values, parse.GetValue(format)!);
            return 0;
        });
        return command;
    }

    private static void PrintCatalogue()
    {
        var table = new Table().AddColumn("id").AddColumn("KPI").AddColumn("area").AddColumn("unit").AddColumn("good").AddColumn("formula");
        foreach (var k in KpiCatalog.All)
            table.AddRow(Markup.Escape(k.Id), Markup.Escape(k.Name), Markup.Escape(k.Area), Markup.Escape(k.Unit),
                k.Direction == KpiDirection.LowerIsBetter ? "lower" : "higher", Markup.Escape(k.Formula));
        AnsiConsole.Write(table);
    }

    private static void Print(IReadOnlyList<KpiValue> values, string format)
    {
        var order = KpiCatalog.All.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = values.OrderBy(v => order.GetValueOrDefault(v.KpiId, int.MaxValue)).ThenBy(v => v.Member, StringComparer.Ordinal).ThenBy(v => v.PeriodEnd).ToList();
        switch (format)
        {
            case "json":
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(v => new
                {
                    kpi = v.KpiId, period_end = v.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dimension = v.Dimension,
                    member = v.Member, value = v.Value, numerator = v.Numerator, denominator = v.Denominator, note = v.Note,
                }), new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "csv":
                using (var csv = new CsvWriter(Console.Out, "kpi", "period_end", "dimension", "member", "value", "numerator", "denominator", "note"))
                    foreach (var v in rows)
                    {
                        csv.Text(v.KpiId).Date(v.PeriodEnd).Text(v.Dimension).Text(v.Member)
                            .Text(N(v.Value)).Text(N(v.Numerator)).Text(N(v.Denominator)).Text(v.Note);
                        csv.End();
                    }
                break;
            default:
                var table = new Table().AddColumn("kpi").AddColumn("member").AddColumn("month").AddColumn(new TableColumn("value").RightAligned())
                    .AddColumn("unit").AddColumn(new TableColumn("numerator").RightAligned()).AddColumn(new TableColumn("denominator").RightAligned()).AddColumn("note");
                foreach (var v in rows)
                {
                    var kpi = KpiCatalog.All.FirstOrDefault(k => k.Id == v.KpiId);
                    table.AddRow(Markup.Escape(v.KpiId), Markup.Escape(v.Member), v.PeriodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                        v.Value?.ToString(kpi?.NumberFormat == "#,##0" ? "#,##0" : "#,##0.0", CultureInfo.InvariantCulture) ?? "n/a",
                        Markup.Escape(kpi?.Unit ?? ""), v.Numerator?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? "",
                        v.Denominator?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? "", Markup.Escape(v.Note ?? ""));
                }
                AnsiConsole.Write(table);
                break;
        }
    }

    private static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
}
