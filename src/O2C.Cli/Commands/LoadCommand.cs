using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Load;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class LoadCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "Folder of canonical CSV files (default: DataFolder from o2c.json, else data-samples)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var accept = AcceptRejectsOption();
        var layouts = new Option<string?>("--layouts") { Description = "Write the canonical file layouts as Markdown to this file (docs/file-layouts.md) instead of loading" };
        var command = new Command("load", "Load a folder of canonical CSV files in one transaction: all files or none") { folder, accept, layouts };
        command.SetAction(parse =>
        {
            if (parse.GetValue(layouts) is { } path)
            {
                File.WriteAllText(path, FileLayoutDocumentation.Markdown(CanonicalLayouts.All));
                Console.WriteLine(Path.GetFullPath(path));
                return 0;
            }
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings, create: true);
            try
            {
                var result = Run(warehouse, parse.GetValue(folder) ?? settings.DataFolder);
                Print(result);
                return Outcome(result, settings, parse.GetValue(accept));
            }
            catch (LoadFailedException e)
            {
                ErrorOutput.Line(e.Message);
                return 2;
            }
        });
        return command;
    }

    public static Option<bool> AcceptRejectsOption() => new("--accept-rejects")
    {
        Description = "Exit 0 however many rows were rejected (by default more than MaxRejectedShare, 5 %, exits 5)",
    };

    /// <summary>0, or 5 with one error line when more rows were rejected than the settings allow.</summary>
    public static int Outcome(LoadResult? result, O2cSettings settings, bool acceptRejects)
    {
        if (acceptRejects || result?.Shortfall(settings.MaxRejectedShare) is not { } why) return O2C.Analytics.ExitCodes.Ok;
        ErrorOutput.Line($"{why}; pass --accept-rejects to take the load as it is");
        return O2C.Analytics.ExitCodes.Incomplete;
    }

    public static LoadResult Run(Warehouse warehouse, string folder) =>
        Progress.Status("Loading", status => new CanonicalLoader(warehouse).LoadFolder(folder, new Progress<string>(status)));

    public static void Print(LoadResult result)
    {
        var table = new Table().Title($"load {result.LoadId} from {result.SourceFolder}")
            .AddColumn("file").AddColumn("status")
            .AddColumn(new TableColumn("read").RightAligned()).AddColumn(new TableColumn("loaded").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned()).AddColumn(new TableColumn("replaced").RightAligned());
        foreach (var f in result.Files)
            table.AddRow(f.FileName, f.Status.ToString().ToLowerInvariant(), N(f.RowsRead), N(f.RowsLoaded), N(f.RowsRejected), N(f.RowsRemoved));
        AnsiConsole.Write(table);
        foreach (var note in result.Notes) AnsiConsole.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        if (result.RejectReasons.Count > 0)
        {
            var rejects = new Table().Title("rejected rows (all in the rejects table)")
                .AddColumn("file").AddColumn("reason").AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("first line").RightAligned());
            foreach (var r in result.RejectReasons) rejects.AddRow(r.FileName, $"{r.ReasonCode}: {r.Reason}", N(r.Count), N(r.FirstLine));
            AnsiConsole.Write(rejects);
        }
        if (result.RowsOfUnchangedFilesNowRejected > 0)
            AnsiConsole.MarkupLineInterpolated($"[yellow]{N(result.RowsOfUnchangedFilesNowRejected)} rows of unchanged files are now rejected: a key they name or repeat changed with this load (see rejects).[/]");
        if (result.RowsOfUnchangedFilesNowLoaded > 0)
            AnsiConsole.MarkupLineInterpolated($"[green]{N(result.RowsOfUnchangedFilesNowLoaded)} rows of unchanged files rejected before now load: what they named arrived, or the copy they repeated went.[/]");
        AnsiConsole.MarkupLineInterpolated(
            $"{result.FilesChanged} file(s) loaded, {result.Files.Count - result.FilesChanged} unchanged; {N(result.RowsLoaded)} rows loaded, {N(result.RowsRejected)} rejected.");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
