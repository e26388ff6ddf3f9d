using System.CommandLine;
using O2C.Cli;
using O2C.Cli.Commands;
using Spectre.Console;

// Piped or logged output: wide enough that tables do not wrap file names.
if (!AnsiConsole.Profile.Capabilities.Interactive) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);

var root = new RootCommand("o2c: Order-to-Cash analytics and KPI reporting on an embedded DuckDB warehouse")
{
    RunCommand.Create(),
    GenerateCommand.Create(),
    LoadCommand.Create(),
    ExtractCommand.Create(),
    MatchCommand.Create(),
    RefreshCommand.Create(),
    KpiCommand.Create(),
    SpcCommand.Create(),
    PredictCommand.Create(),
    PackCommand.Create(),
    SlaCommand.Create(),
    SqlCommand.Create(),
    ExportCommand.Create(),
    ScheduleCommand.Create(),
    RunsCommand.Create(),
    BenchCommand.Create(),
    MigrateCommand.Create(),
    PurgeCommand.Create(),
    AuditCommand.Create(),
};
root.Options.Add(CommonOptions.Database);
// The audit log names the command that made each change (arguments only: secrets come from the environment).
O2C.Analytics.Audit.AuditLog.Command = string.Join(' ', ["o2c", .. args]);
// Staging left by a killed load or extract (copies of source files, bank statements' payer names) goes at the next start.
O2C.Analytics.Load.StagingFolder.CleanAbandoned();
// A user's mistake (bad setting, unknown month, unreadable file) is one clear line, not a stack trace;
// O2C_DEBUG=1 shows the trace.
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    ErrorOutput.Line(e.Message);
    if (Environment.GetEnvironmentVariable("O2C_DEBUG") == "1") Console.Error.WriteLine(e);
    return 2;
}
catch (DuckDB.NET.Data.DuckDBException e)
{
    // DuckDB commits atomically: a write that failed (a full disk at commit invalidates the database in this process)
    // leaves the file at its last committed state, which the next command opens.
    ErrorOutput.Line(O2C.Analytics.Storage.WarehouseFailure.Describe(e));
    if (Environment.GetEnvironmentVariable("O2C_DEBUG") == "1") Console.Error.WriteLine(e);
    return 1;
}
