using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Support;

/// <summary>A migrated warehouse in a temporary folder, with helpers to write source files beside it.</summary>
public sealed class TempWarehouse : IDisposable
{
    public TempWarehouse()
    {
        Folder = Directory.CreateTempSubdirectory("o2c-test-").FullName;
        Sources = Directory.CreateDirectory(Path.Combine(Folder, "sources")).FullName;
        Warehouse = O2C.Analytics.Storage.Warehouse.Open(Path.Combine(Folder, "o2c.duckdb"));
        MigrationRunner.Apply(Warehouse, Migration.ReadAll(SqlFolder.Default().Migrations));
    }

    public string Folder { get; }
    public string Sources { get; }
    public O2C.Analytics.Storage.Warehouse Warehouse { get; }

    /// <summary>Writes a source file; lines are joined with \n and the file ends with one.</summary>
    public string Write(string fileName, params string[] lines)
    {
        var path = Path.Combine(Sources, fileName);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public long Count(string table) => Warehouse.Scalar<long>($"SELECT count(*) FROM {table}");

    public void Dispose()
    {
        Warehouse.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
