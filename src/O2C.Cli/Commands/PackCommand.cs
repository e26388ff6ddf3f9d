using System.CommandLine;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Render.Workbook;
using O2C.Analytics.Warehouse;

namespace O2C.Cli.Commands;

public static class PackCommand
{
    public static Command Create()
    {
        var month = MonthOption.Create("Month to report, yyyy-MM (default: the latest closed month)");
        var reports = new Option<string?>("--reports") { Description = "Folder for the workbook (default: reports)" };
        var command = new Command("pack", "Write the monthly KPI pack workbook from the refreshed warehouse") { month, reports };
        command.SetAction(parse =>
        {
            var settings = CliSettings.Load();
            using var warehouse = WarehouseSetup.OpenMigrated(CommonOptions.WarehousePath(parse, settings));
            var monthEnd = MonthOption.Parse(parse.GetValue(month))
                ?? ReportingPeriod.LatestClosedMonthEnd(warehouse, DateOnly.FromDateTime(DateTime.Today));
            var pack = KpiPackReader.Read(warehouse, monthEnd, DateTime.UtcNow);
            Console.WriteLine(KpiPackWorkbook.Write(pack, parse.GetValue(reports) ?? settings.ReportsFolder));
            return 0;
        });
        return command;
    }
}
