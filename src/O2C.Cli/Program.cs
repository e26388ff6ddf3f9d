using System.CommandLine;
using O2C.Cli;
using O2C.Cli.Commands;
using Spectre.Console;

// Piped or logged output: wide enough that tables do not wrap file names.
if (!AnsiConsole.Profile.Capabilities.Interactive) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);

var root = new RootCommand("o2c: Order-to-Cash analytics and KPI reporting on an embedded DuckDB warehouse. " + O2C.Analytics.ExitCodes.Described)
{
    RunCommand.Create(),
    GenerateCommand.Create(),
    LoadCommand.Create(),
    ExtractCommand.Create(),
    MatchCommand.Create(),
    RefreshCommand.Create(),
    KpiCommand.Create(),
    ExplainCommand.Create(),
    AgingCommand.Create(),
    SpcCommand.Create(),
    PredictCommand.Create(),
    PackCommand.Create(),
    SlaCommand.Create(),
    SqlCommand.Create(),
    ExportCommand.Create(),
    ScheduleCommand.Create(),
    RunsCommand.Create(),
    HealthCommand.Create(),
    BenchCommand.Create(),
    MigrateCommand.Create(),
    PurgeCommand.Create(),
    AuditCommand.Create(),
    CustomerScoreCommand.Create(),
    PilotCommand.Create(),
};
root.Options.Add(CommonOptions.Database);
root.Options.Add(CommonOptions.Config);
// The audit log names the command that made each change (arguments only: secrets come from the environment).
O2C.Analytics.Audit.AuditLog.Command = string.Join(' ', ["o2c", .. args]);
// Staging left by a killed load or extract (copies of source files, bank statements' payer names) goes at the next start.
O2C.Analytics.Load.StagingFolder.CleanAbandoned();
// A user's mistake (bad setting, unknown month, unreadable file) is one clear line, not a stack trace, and every
// failure has its documented exit code (ExitCodes); O2C_DEBUG=1 shows the trace.
try
{
    // `o2c` alone: what a newcomer needs is the list of commands.
    var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
    // --config names the settings file for every command (as O2C_CONFIG does); settings are read inside each command.
    if (UsageMistake.Describe(parsed) is { } mistake)
    {
        ErrorOutput.Line(mistake);
        return O2C.Analytics.ExitCodes.Usage;
    }
    if (parsed.GetValue(CommonOptions.Config) is { } config) Environment.SetEnvironmentVariable(O2C.Analytics.Configuration.O2cSettings.ConfigVariable, config);
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    var (code, message) = CommandFailure.Describe(e);
    ErrorOutput.Line(message);
    if (Environment.GetEnvironmentVariable("O2C_DEBUG") == "1") Console.Error.WriteLine(e);
    return code;
}
finally
{
    O2C.Cli.Logging.OperatorLog.Flush();
}
