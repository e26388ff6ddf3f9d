using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class ExtractCommand
{
    public static Command Create()
    {
        var sources = new Option<string>("--sources")
        {
            Description = "Sources file: which files, of which kind, mapped how (default o2c.sources.json)",
            DefaultValueFactory = _ => "o2c.sources.json",
        };
        var accept = LoadCommand.AcceptRejectsOption();
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Exit 0 when a source's file pattern matches no file (by default that exits 5)" };
        var command = new Command("extract", "Read every configured source (ERP exports, bank statements) and load what is new or changed") { sources, accept, allowEmpty };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            var path = parse.GetValue(sources)!;
            if (!File.Exists(path))
            {
                ErrorOutput.Line($"{path}: sources file not found (see data-samples/sources/ for examples)");
                return 2;
            }
            var config = SourcesConfig.Load(path);
            // Bank statements are parsed before the warehouse is opened: a broken or hostile file never holds its lock.
            var statements = Progress.Status("Reading bank statements", status => BankFilesRead.Read(config, new Progress<string>(status)));
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings, create: true);
            try
            {
                var result = Progress.Status("Extracting", status => new SourceExtractor(warehouse).Run(config, new Progress<string>(status), statements));
                Print(result);
                // A pattern that matched nothing is a moved folder or a typo, not a quiet day: said, and exit 5.
                var empty = result.Sources.Where(s => s.FilesSeen == 0).Select(s => s.Source).ToList();
                if (empty.Count > 0 && !parse.GetValue(allowEmpty))
                {
                    ErrorOutput.Line($"no file matched the pattern of {string.Join(", ", empty)} in {path}: check its Path, or pass --allow-empty");
                    return O2C.Analytics.ExitCodes.Incomplete;
                }
                return LoadCommand.Outcome(result.Load, settings, parse.GetValue(accept));
            }
            catch (LoadFailedException e)
            {
                ErrorOutput.Line(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static void Print(ExtractResult result)
    {
        var table = new Table().AddColumn("source").AddColumn(new TableColumn("files seen").RightAligned())
            .AddColumn(new TableColumn("loaded").RightAligned()).AddColumn(new TableColumn("unchanged").RightAligned())
            .AddColumn(new TableColumn("files rejected").RightAligned())
            .AddColumn(new TableColumn("rows loaded").RightAligned()).AddColumn(new TableColumn("rows rejected").RightAligned());
        foreach (var s in result.Sources)
            table.AddRow(Markup.Escape(s.Source), N(s.FilesSeen), N(s.FilesLoaded), N(s.FilesUnchanged), N(s.FilesRejected.Count), N(s.RowsLoaded), N(s.RowsRejected));
        AnsiConsole.Write(table);
        foreach (var s in result.Sources)
        {
            foreach (var r in s.FilesRejected) AnsiConsole.MarkupLineInterpolated($"[red]rejected:[/] {s.Source}: {r}");
            foreach (var w in s.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {s.Source}: {w}");
        }
        foreach (var r in result.Load?.RejectReasons ?? [])
            AnsiConsole.MarkupLineInterpolated($"rejected rows: {r.FileName}: {r.ReasonCode} ({r.Reason}) x {r.Count}, first on line {r.FirstLine}");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
