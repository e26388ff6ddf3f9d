using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class PackCommand
{
    public static Command Create()
    {
        var month = MonthOption.Create("Month to report, yyyy-MM (default: the latest closed month)");
        var reports = new Option<string?>("--reports") { Description = "Folder for the workbook (default: reports)" };
        var send = SendOption();
        var scope = new Option<string?>("--scope")
        {
            Description = "Write only the pack of one dimension member, as a scoped recipient gets it: dimension=member, e.g. region=EMEA or bpo_team=\"BPO Manila\" " +
                "(dimensions: " + string.Join(", ", O2C.Analytics.Reports.MonthlyPack.PackScope.Dimensions) + ")",
        };
        var resend = ResendOption();
        var command = new Command("pack", "Write the monthly KPI pack workbook from the refreshed warehouse, and mail it with --send") { month, reports, send, scope, resend };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            if (parse.GetValue(reports) is { } folder) settings.ReportsFolder = folder;
            var steps = CommonOptions.Steps(parse, settings);
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var reportingMonth = MonthOption.Parse(parse.GetValue(month))
                ?? ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today));
            if (parse.GetValue(scope) is { } scoped)
            {
                Console.WriteLine(steps.PublishScopedPack(warehouse, reportingMonth, O2C.Analytics.Reports.MonthlyPack.PackScope.Parse(scoped)));
                return 0;
            }
            var published = steps.PublishPack(warehouse, reportingMonth);
            Console.WriteLine(published.WorkbookPath);
            Console.WriteLine(published.DataWorkbookPath);
            if (parse.GetValue(send))
                foreach (var sent in steps.SendPack(warehouse, published, parse.GetValue(resend))) Report(sent.Result, sent.Recipients);
            return 0;
        });
        return command;
    }

    public static Option<bool> SendOption() => new("--send")
    {
        Description = "Mail the report to the configured recipients (Mail section of o2c.json; password from O2C_SMTP_PASSWORD). Without an SMTP host the message is written to reports/outbox/ as .eml",
    };

    public static Option<bool> ResendOption() => new("--resend")
    {
        Description = "With --send: mail the month's pack again to recipients who already got it (by default they are skipped)",
    };

    public static void Report(O2C.Analytics.Mail.DeliveryResult result, IReadOnlyList<string> recipients)
    {
        if (result.AlreadySent)
        {
            ErrorOutput.Warning(result.Where);
            return;
        }
        if (result.Sent) AnsiConsole.MarkupLineInterpolated($"mailed to {string.Join(", ", recipients)} via {result.Where}");
        else AnsiConsole.MarkupLineInterpolated($"[yellow]no SMTP host configured (Mail:SmtpHost): message written to {result.Where}[/]");
    }
}
