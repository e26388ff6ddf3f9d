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

    /// <summary>
    /// Migration 0024: a warehouse whose raw layer held every file row keeps only the rows its tables do not hold, and
    /// those still take part in later loads: the duplicate C1 of customers-b.csv, kept out behind customers-a.csv's,
    /// loads once customers-a.csv no longer has C1.
    /// </summary>
    [Fact]
    public void The_raw_layer_becomes_the_kept_out_rows_and_they_still_take_part_in_loads()
    {
        var path = Path.Combine(_folder, "layers.duckdb");
        var sources = Directory.CreateDirectory(Path.Combine(_folder, "sources")).FullName;
        using (var old = O2C.Analytics.Storage.Warehouse.Open(path))
        {
            MigrationRunner.Apply(old, _all.Where(m => m.Version <= 23).ToList());
            const string Columns = "(customer_id, customer_name, segment, region, country_code, currency_code, payment_terms_days, risk_class, e_invoicing, source_file, source_line, load_id)";
            foreach (var table in new[] { "raw.customers", "customers" })
                old.Execute($"INSERT INTO {table} {Columns} VALUES ('C1', 'First Co', 'SMB', 'EMEA', 'DE', 'EUR', 30, 'A', false, 'customers-a.csv', 2, 1)");
            old.Execute($"INSERT INTO raw.customers {Columns} VALUES ('C1', 'Second Co', 'SMB', 'EMEA', 'DE', 'EUR', 30, 'A', false, 'customers-b.csv', 2, 1)");
        }
        using var w = O2C.Analytics.Storage.Warehouse.Open(path);
        MigrationRunner.Apply(w, _all);

        Assert.Equal(0, w.Scalar<long>("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'raw'"));
        Assert.Equal(["customers-b.csv:Second Co"], w.Query("SELECT source_file || ':' || customer_name FROM kept_out.customers", r => r.GetString(0)));
        Assert.Equal(["customers-a.csv:First Co"], w.Query("SELECT source_file || ':' || customer_name FROM customers", r => r.GetString(0)));

        // customers-a.csv comes again without C1 (customers-b.csv is not sent again): C1 is now the kept-out row's.
        File.WriteAllText(Path.Combine(sources, "customers-a.csv"), Support.CanonicalFiles.Customers + "\n" + Support.CanonicalFiles.Customer("C2") + "\n");
        new O2C.Analytics.Load.CanonicalLoader(w).LoadFolder(sources);
        Assert.Equal(["C1:customers-b.csv:Second Co", "C2:customers-a.csv:Customer C2"],
            w.Query("SELECT customer_id || ':' || source_file || ':' || customer_name FROM customers ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(0, w.Scalar<long>("SELECT count(*) FROM kept_out.customers"));
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

    /// <summary>
    /// Migration 0026: a setting has one value. The benchmark had written a second reporting currency, and the rates
    /// model's cross join with it doubled every published rate (8,052 rows for 4,026 at 1M invoices).
    /// </summary>
    [Fact]
    public void A_setting_written_twice_keeps_one_value_and_cannot_be_written_twice_again()
    {
        var path = Path.Combine(_folder, "settings.duckdb");
        using (var old = O2C.Analytics.Storage.Warehouse.Open(path))
        {
            MigrationRunner.Apply(old, _all.Where(m => m.Version <= 25).ToList());
            old.Execute("INSERT INTO o2c_settings VALUES ('reporting_currency', 'USD')");
            Assert.Equal(2, old.Scalar<long>("SELECT count(*) FROM o2c_settings WHERE setting_key = 'reporting_currency'"));
        }
        using var w = O2C.Analytics.Storage.Warehouse.Open(path);
        MigrationRunner.Apply(w, _all);
        Assert.Equal(["reporting_currency=USD"], w.Query("SELECT setting_key || '=' || setting_value FROM o2c_settings", r => r.GetString(0)));
        var twice = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => w.Execute("INSERT INTO o2c_settings VALUES ('reporting_currency', 'EUR')"));
        Assert.Contains("PRIMARY KEY", twice.Message, StringComparison.OrdinalIgnoreCase);
    }
}
