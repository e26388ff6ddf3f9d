namespace O2C.Analytics.Storage;

/// <summary>
/// Brings a warehouse's schema up to date: applies, in order and each in its own transaction,
/// the migrations not yet recorded in schema_migrations. A second run applies nothing.
/// </summary>
public static class MigrationRunner
{
    public static IReadOnlyList<Migration> Apply(Warehouse warehouse, IReadOnlyList<Migration> migrations)
    {
        warehouse.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
            """);
        var applied = warehouse.Query("SELECT version, name, checksum FROM schema_migrations ORDER BY version",
            r => (Version: r.GetInt32(0), Name: r.GetString(1), Checksum: r.GetString(2)));

        foreach (var done in applied)
        {
            var known = migrations.FirstOrDefault(m => m.Version == done.Version);
            if (known is null)
                throw new InvalidOperationException(
                    $"The warehouse is at schema version {done.Version} ({done.Name}), newer than this program knows; use a newer o2c.");
            if (known.Checksum != done.Checksum)
                throw new InvalidOperationException(
                    $"Migration {done.Version:0000}_{done.Name} was changed after it was applied; add a new migration instead.");
        }

        var pending = migrations.Where(m => applied.All(a => a.Version != m.Version)).ToList();
        foreach (var migration in pending)
        {
            using var transaction = warehouse.BeginTransaction();
            warehouse.Execute(migration.Sql);
            warehouse.Execute("INSERT INTO schema_migrations VALUES ($v, $n, $c, current_timestamp::TIMESTAMP)",
                ("v", migration.Version), ("n", migration.Name), ("c", migration.Checksum));
            transaction.Commit();
        }
        return pending;
    }

    public static int CurrentVersion(Warehouse warehouse) =>
        warehouse.TableExists("schema_migrations")
            ? warehouse.Scalar<int?>("SELECT max(version) FROM schema_migrations") ?? 0
            : 0;
}
