using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class RunCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder of canonical CSV files to load (default: data-samples)" };
        var reports = new Option<string?>("--reports") { Description = "Folder for the workbook (default: reports)" };
        var month = MonthOption.Create("Month to report, yyyy-MM (default: the latest closed month)");
        var send = PackCommand.SendOption();
        var resend = PackCommand.ResendOption();
        var command = new Command("run", "The main job: load the data folder, refresh models, KPIs, control charts and payment predictions, write the monthly KPI pack (and mail it with --send)")
        {
            data, reports, month, send, resend,
        };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            if (parse.GetValue(data) is { } dataFolder) settings.DataFolder = dataFolder;
            if (parse.GetValue(reports) is { } reportsFolder) settings.ReportsFolder = reportsFolder;
            var options = MonthlyRunOptions.From(settings, CommonOptions.WarehousePath(parse, settings), DateOnly.FromDateTime(DateTime.Today))
                with { Month = MonthOption.Parse(parse.GetValue(month)), Send = parse.GetValue(send), Resend = parse.GetValue(resend) };
            try
            {
                var result = Progress.Status("o2c run", status => MonthlyRun.Run(options, SqlFolder.Default(), status));
                LoadCommand.Print(result.Load);
                if (result.CashMatching is { } cash)
                    AnsiConsole.MarkupLineInterpolated($"bank statements: {cash.ReceiptsConsidered:N0} receipts to match, {cash.AutoApplied:N0} applied automatically, {cash.Exceptions:N0} to the exception queue (o2c sql \"FROM cash_match_exceptions\")");
                if (result.UnconvertibleOpenItems > 0)
                    AnsiConsole.MarkupLineInterpolated($"[yellow]warning: {result.UnconvertibleOpenItems} open items have no FX rate into {settings.ReportingCurrency} and are missing from AR[/]");
                AnsiConsole.MarkupLineInterpolated($"{result.Charts.Count} control charts in {Path.GetDirectoryName(result.Charts.FirstOrDefault() ?? "")}");
                AnsiConsole.MarkupLineInterpolated($"KPI pack for {ReportingMonth.Of(result.MonthEnd)}:");
                Console.WriteLine(result.WorkbookPath);
                if (result.DataWorkbookPath is { } data)
                {
                    AnsiConsole.MarkupLine("the detail for analysts (not mailed):");
                    Console.WriteLine(data);
                }
                if (result.SlaReview is { } review)
                {
                    AnsiConsole.MarkupLineInterpolated($"SLA review for {review.Quarter.ToString()}:");
                    Console.WriteLine(result.SlaReviewPath);
                }
                foreach (var sent in result.PackSent ?? []) PackCommand.Report(sent.Result, sent.Recipients);
                return 0;
            }
            catch (LoadFailedException e)
            {
                ErrorOutput.Line(e.Message);
                return 2;
            }
        });
        return command;
    }
}
