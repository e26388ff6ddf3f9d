using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Analyst;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var parquet = new Option<string?>("--parquet") { Description = "Folder for the Parquet snapshot, facts hive-partitioned by month (default: Schedule:ExportParquet, else exports/parquet)" };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait while a job is writing the warehouse", DefaultValueFactory = _ => 30 };
        var command = new Command("export", "Publish a Parquet snapshot of the warehouse for BI tools (read-only; swapped in when complete)") { parquet, wait };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            try
            {
                using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(parse.GetValue(wait)), m => Console.Error.WriteLine(m));
                foreach (var path in CommonOptions.Steps(parse, settings).ExportParquet(warehouse, parse.GetValue(parquet))) Console.WriteLine(path);
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
