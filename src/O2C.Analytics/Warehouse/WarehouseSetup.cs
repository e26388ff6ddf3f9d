namespace O2C.Analytics.Warehouse;

/// <summary>Opens a warehouse file, creating it if needed, with its schema brought up to date.</summary>
public static class WarehouseSetup
{
    public static Warehouse OpenMigrated(string path, SqlFolder? sql = null)
    {
        var warehouse = Warehouse.Open(path);
        try
        {
            MigrationRunner.Apply(warehouse, Migration.ReadAll((sql ?? SqlFolder.Default()).Migrations));
            return warehouse;
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }
    }
}
