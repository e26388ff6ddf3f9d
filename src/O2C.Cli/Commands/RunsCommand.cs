using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Analyst;
using O2C.Analytics.Schedule;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class RunsCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many runs to show, newest first", DefaultValueFactory = _ => 30 };
        var command = new Command("runs", "The scheduler's run history: job, trigger, planned and actual start, end, status, rows, outputs, error") { last };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            try
            {
                using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30), m => Console.Error.WriteLine(m));
                var clock = settings.Clock;
                var table = new Table().Caption($"times in {clock.Zone.Id} (TimeZone in o2c.json)").AddColumn("run").AddColumn("job").AddColumn("trigger").AddColumn("planned").AddColumn("started").AddColumn("took")
                    .AddColumn("try").AddColumn("status").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("outputs / error");
                foreach (var r in JobRunLog.Read(warehouse, parse.GetValue(last)))
                    table.AddRow(r.RunId.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Job), r.Trigger,
                        r.PlannedStart is { } planned ? clock.FormatStored(planned) : "", clock.FormatStored(r.ActualStart),
                        r.FinishedAt is { } f ? $"{(f - r.ActualStart).TotalSeconds:0.0} s" : "", r.Attempt.ToString(CultureInfo.InvariantCulture),
                        r.Status is "succeeded" ? r.Status : $"[red]{r.Status}[/]", r.RowsLoaded?.ToString("N0", CultureInfo.InvariantCulture) ?? "",
                        Markup.Escape(r.Error ?? r.Outputs ?? ""));
                AnsiConsole.Write(table);
                return 0;
            }
            catch (AnalystSqlException e)
            {
                ErrorOutput.Line(e.Message);
                return e.ExitCode;
            }
        });
        return command;
    }
}
