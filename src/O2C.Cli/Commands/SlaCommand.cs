using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Sla;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class SlaCommand
{
    public static Command Create()
    {
        var quarter = new Option<string?>("--quarter") { Description = "Quarter to review, like 2026Q3 (default: the latest closed quarter of the data)" };
        var reports = new Option<string?>("--reports") { Description = "Folder for the workbook (default: reports)" };
        var send = PackCommand.SendOption();
        var command = new Command("sla", "Measure every SLA item and write the quarterly SLA breach review workbook (and mail it with --send)") { quarter, reports, send };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            if (parse.GetValue(reports) is { } folder) settings.ReportsFolder = folder;
            var steps = CommonOptions.Steps(parse, settings);
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            SlaQuarter? asked = parse.GetValue(quarter) is { } text ? SlaQuarter.Parse(text) : null;
            var published = Progress.Status("Measuring SLAs", _ => steps.PublishSlaReview(warehouse, asked));
            Print(published.Review);
            Console.WriteLine(published.WorkbookPath);
            if (parse.GetValue(send)) PackCommand.Report(steps.SendSlaReview(warehouse, published), settings.Mail.SlaRecipients);
            return 0;
        });
        return command;
    }

    private static void Print(SlaReview review)
    {
        var table = new Table().Title($"SLA compliance {review.Quarter}").AddColumn("SLA").AddColumn("owner")
            .AddColumn(new TableColumn("items").RightAligned()).AddColumn(new TableColumn("breaches").RightAligned())
            .AddColumn(new TableColumn("compliance").RightAligned()).AddColumn(new TableColumn("target").RightAligned())
            .AddColumn(new TableColumn("vs prior").RightAligned()).AddColumn("top cause of breach");
        foreach (var line in review.Lines)
            table.AddRow(Markup.Escape(line.Name), line.Owner, line.Volume.ToString("N0", CultureInfo.InvariantCulture), line.Breaches.ToString("N0", CultureInfo.InvariantCulture),
                line.Compliance is { } c ? (line.TargetMet ? "" : "[red]") + c.ToString("P1", CultureInfo.InvariantCulture) + (line.TargetMet ? "" : "[/]") : "n/a",
                line.Target.ToString("P0", CultureInfo.InvariantCulture),
                line.ChangePoints is { } p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp" : "n/a",
                Markup.Escape(line.TopCause ?? ""));
        AnsiConsole.Write(table);
    }
}
