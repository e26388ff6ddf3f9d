using System.CommandLine;
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
    MigrateCommand.Create(),
};
root.Options.Add(CommonOptions.Database);
return root.Parse(args).Invoke();
