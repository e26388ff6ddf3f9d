using System.CommandLine;

namespace O2C.Cli.Commands;

/// <summary>Options every command understands.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Warehouse file (default: o2c.duckdb in the working folder, or Warehouse in o2c.json)",
        Recursive = true,
    };

    public static string WarehousePath(ParseResult parse, CliSettings settings) => parse.GetValue(Database) ?? settings.Warehouse;
}
