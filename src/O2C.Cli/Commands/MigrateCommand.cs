using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the warehouse or upgrade its schema in place (applies pending migrations)");
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = Warehouse.Open(CommonOptions.WarehousePath(parse, settings));
            var before = MigrationRunner.CurrentVersion(warehouse);
            var applied = MigrationRunner.Apply(warehouse, Migration.ReadAll(SqlFolder.Default().Migrations));
            foreach (var m in applied) AnsiConsole.MarkupLineInterpolated($"applied {m.Version:0000}_{m.Name}");
            AnsiConsole.MarkupLineInterpolated($"{warehouse.Path}: schema version {before} -> {MigrationRunner.CurrentVersion(warehouse)}");
            return 0;
        });
        return command;
    }
}
