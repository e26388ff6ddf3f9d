using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Storage;

namespace O2C.Cli.Commands;

/// <summary>Options every command understands.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Warehouse file (default: o2c.duckdb in the working folder, or Warehouse in o2c.json)",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Settings file (default: O2C_CONFIG, else o2c.json in the working folder)",
        Recursive = true,
    };

    public static string WarehousePath(ParseResult parse, O2cSettings settings) => parse.GetValue(Database) ?? settings.Warehouse;

    /// <summary>The warehouse, migrated, with the configuration this command runs under recorded in the audit log when it changed.</summary>
    /// <summary>The pipeline's steps for this command's settings and warehouse.</summary>
    public static O2C.Analytics.Pipeline.PipelineSteps Steps(ParseResult parse, O2cSettings settings) =>
        O2C.Analytics.Pipeline.PipelineSteps.From(settings, WarehousePath(parse, settings));

    /// <param name="create">Only the commands that fill a warehouse (load, extract; run and migrate open their own) create one.</param>
    public static Warehouse OpenWarehouse(ParseResult parse, O2cSettings settings, bool create = false) =>
        OpenWarehouse(WarehousePath(parse, settings), settings, create);

    public static Warehouse OpenWarehouse(string path, O2cSettings settings, bool create = false) => create
        ? WarehouseSetup.OpenMigrated(path, configuration: settings.AuditJson())
        : WarehouseSetup.OpenExisting(path, configuration: settings.AuditJson());
}
