using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Privacy;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class PurgeCommand
{
    public static Command Create()
    {
        var before = new Option<string>("--before")
        {
            Description = "Retention cut-off, yyyy-MM-dd: source rows closed before this date are removed",
            Required = true,
        };
        var command = new Command("purge", "Remove source rows past the retention period (settled documents, their payments, contact history) and record what was removed") { before };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(before)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new ArgumentException($"--before must be a date in yyyy-MM-dd form, not '{text}'");
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var result = new RetentionPurge(warehouse, SqlFolder.Default()).Purge(date);
            var table = new Table().Title($"purge {result.PurgeId}: source rows before {date:yyyy-MM-dd}")
                .AddColumn("table").AddColumn(new TableColumn("rows removed").RightAligned()).AddColumn("rule");
            foreach (var t in result.Tables) table.AddRow(t.Table, t.Rows.ToString("N0", CultureInfo.InvariantCulture), t.Rule);
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"{result.Rows:N0} rows removed, recorded in the purges table and the audit log. Run o2c refresh to rebuild the figures.");
            return 0;
        });
        return command;
    }
}
