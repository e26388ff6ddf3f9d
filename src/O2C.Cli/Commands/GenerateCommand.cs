using System.CommandLine;
using O2C.Analytics.Pipeline;
using System.Globalization;
using O2C.Analytics.Generate;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers", DefaultValueFactory = _ => 2000 };
        var months = new Option<int>("--months") { Description = "Months of history", DefaultValueFactory = _ => 36 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "generated" };
        var first = MonthOption.Create($"First month of the history, yyyy-MM (default {ReportingMonth.Of(GeneratorOptions.DefaultFirstMonth)})", "--first-month");
        var gzip = new Option<bool>("--gzip") { Description = "Write .csv.gz files" };
        var command = new Command("generate", "Generate a realistic, deterministic O2C data set as canonical CSV files")
        {
            customers, months, seed, output, first, gzip,
        };
        command.SetAction(parse =>
        {
            var firstMonth = MonthOption.Parse(parse.GetValue(first))?.Start ?? GeneratorOptions.DefaultFirstMonth;
            var options = new GeneratorOptions(parse.GetValue(customers), parse.GetValue(months), parse.GetValue(seed),
                parse.GetValue(output)!, firstMonth, parse.GetValue(gzip));
            GeneratorSummary? summary = null;
            Progress.Run("Generating", task =>
                summary = SampleGenerator.Run(options, new Progress<(int Done, int Total)>(p => task(p.Done, p.Total))));
            var table = new Table().AddColumn("file").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (entity, rows) in summary!.Rows) table.AddRow(entity, rows.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"Wrote {Path.GetFullPath(options.OutputFolder)} in {summary.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }
}
