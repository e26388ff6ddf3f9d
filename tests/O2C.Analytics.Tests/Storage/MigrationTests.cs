using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Storage;

public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-migrate-").FullName;
    private readonly IReadOnlyList<Migration> _all = Migration.ReadAll(SqlFolder.Default().Migrations);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_second_run_applies_nothing()
    {
        using var w = O2C.Analytics.Storage.Warehouse.Open(Path.Combine(_folder, "w.duckdb"));
        Assert.Equal(_all.Count, MigrationRunner.Apply(w, _all).Count);
        Assert.Empty(MigrationRunner.Apply(w, _all));
        Assert.Equal(_all.Count, MigrationRunner.CurrentVersion(w));
    }

    [Fact]
    public void An_older_warehouse_upgrades_in_place_and_keeps_its_data()
    {
        var path = Path.Combine(_folder, "old.duckdb");
        using (var old = O2C.Analytics.Storage.Warehouse.Open(path))
        {
            MigrationRunner.Apply(old, _all.Take(2).ToList());
            old.Execute("INSERT INTO customers (customer_id, customer_name, segment, region, country_code, currency_code, payment_terms_days, risk_class, e_invoicing, source_file, source_line, load_id) VALUES ('C1', 'Old Co', 'SMB', 'EMEA', 'DE', 'EUR', 30, 'A', false, 'customers.csv', 2, 1)");
        }
        using var w = O2C.Analytics.Storage.Warehouse.Open(path);
        Assert.Equal(2, MigrationRunner.CurrentVersion(w));
        var applied = MigrationRunner.Apply(w, _all);
        Assert.Equal(_all.Skip(2).Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Equal("Old Co", w.Scalar<string>("SELECT customer_name FROM customers"));
        Assert.True(w.TableExists("kpi_values"));
    }

    [Fact]
    public void A_migration_edited_after_it_was_applied_is_refused()
    {
        using var w = O2C.Analytics.Storage.Warehouse.Open(Path.Combine(_folder, "w.duckdb"));
        MigrationRunner.Apply(w, _all);
        var edited = _all.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();
        var error = Assert.Throws<InvalidOperationException>(() => MigrationRunner.Apply(w, edited));
        Assert.Contains("0001_reference_currencies was changed after it was applied", error.Message);
    }
}
