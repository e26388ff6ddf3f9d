using System.CommandLine;
using O2C.Cli.Commands;

var root = new RootCommand("o2c: Order-to-Cash analytics and KPI reporting on an embedded DuckDB warehouse")
{
    RunCommand.Create(),
    GenerateCommand.Create(),
    LoadCommand.Create(),
    RefreshCommand.Create(),
    PackCommand.Create(),
    MigrateCommand.Create(),
};
root.Options.Add(CommonOptions.Database);
return root.Parse(args).Invoke();
