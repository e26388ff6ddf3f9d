namespace O2C.Analytics.Storage;

/// <summary>
/// Opens a warehouse file, creating it if needed, with its schema brought up to date; given the configuration a
/// command or job runs under (settings as JSON), records it in the audit log when it changed.
/// </summary>
public static class WarehouseSetup
{
    /// <summary>Why a command that reads a warehouse refuses a path with none: a typo must not create an empty one.</summary>
    public static string NoWarehouse(string path) =>
        $"no warehouse at {path}: check --db (or Warehouse in o2c.json), or create one with o2c run, o2c load or o2c migrate";

    /// <summary>Opens an existing warehouse, migrated; refuses a path where there is none instead of creating one.</summary>
    public static Warehouse OpenExisting(string path, SqlFolder? sql = null, string? configuration = null) =>
        File.Exists(path) ? OpenMigrated(path, sql, configuration) : throw new ArgumentException(NoWarehouse(path));

    public static Warehouse OpenMigrated(string path, SqlFolder? sql = null, string? configuration = null)
    {
        var warehouse = Warehouse.Open(path);
        try
        {
            MigrationRunner.Apply(warehouse, Migration.ReadAll((sql ?? SqlFolder.Default()).Migrations));
            if (configuration is not null)
            {
                Audit.ConfigurationAudit.RecordIfChanged(warehouse, configuration);
                Load.PlausibleDates.FromConfiguration(configuration)?.Store(warehouse);
            }
            return warehouse;
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }
    }
}
