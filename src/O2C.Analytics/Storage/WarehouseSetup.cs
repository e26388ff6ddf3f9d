namespace O2C.Analytics.Storage;

/// <summary>
/// Opens a warehouse file, creating it if needed, with its schema brought up to date; given the configuration a
/// command or job runs under (settings as JSON), records it in the audit log when it changed.
/// </summary>
public static class WarehouseSetup
{
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
