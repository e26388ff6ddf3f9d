using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Analyst;
using O2C.Analytics.Audit;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class AuditCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many of the latest entries to show", DefaultValueFactory = _ => 30 };
        var command = new Command("audit", "Show the audit log (loads, configuration changes, model runs, reports sent, purges) and check its hash chain; exit 5 when broken") { last };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            // Read-only: looking at the log changes nothing, not even the configuration record.
            using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30));
            var log = new AuditLog(warehouse);
            var table = new Table().AddColumn(new TableColumn("entry").RightAligned()).AddColumn("recorded (UTC)").AddColumn("action").AddColumn("what").AddColumn("by");
            foreach (var e in log.Latest(parse.GetValue(last)).Reverse())
                table.AddRow(e.EntryId.ToString(CultureInfo.InvariantCulture), e.RecordedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.Action, Markup.Escape(e.Detail), Markup.Escape($"{e.Command} ({e.OsUser})"));
            AnsiConsole.Write(table);
            var check = log.Verify();
            if (check.Intact) AnsiConsole.MarkupLineInterpolated($"audit log {check.Summary}");
            else AnsiConsole.MarkupLineInterpolated($"[red]audit log {check.Summary}[/]");
            return check.Intact ? 0 : 5;
        });
        return command;
    }
}
