using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: a key present in two files (the second copy rejected as duplicate) disappeared from both when the first
/// file's next version dropped it, while one fresh load of the same folder kept it.
/// </summary>
public sealed class KeyInTwoFilesTests
{
    private static (List<string> Customers, List<string> CurrentRejects) State(TempWarehouse w) =>
        (w.Warehouse.Query("SELECT customer_id || '@' || source_file || ':' || source_line FROM customers ORDER BY 1", r => r.GetString(0)),
         w.Warehouse.Query("""
            SELECT r.file_name || ':' || r.line_number || ':' || r.reason_code FROM rejects r
            ORDER BY 1
            """, r => r.GetString(0)));

    [Fact]
    public void When_the_first_file_drops_a_key_the_second_files_copy_loads_as_in_a_fresh_load()
    {
        using var incremental = new TempWarehouse();
        incremental.Write("customers-a.csv", Customers, Customer("C1"), Customer("C2"));
        incremental.Write("customers-b.csv", Customers, Customer("C2"), Customer("C3"));
        new CanonicalLoader(incremental.Warehouse).LoadFolder(incremental.Sources);
        Assert.Equal(["C1@customers-a.csv:2", "C2@customers-a.csv:3", "C3@customers-b.csv:3"], State(incremental).Customers);
        Assert.Equal(["customers-b.csv:2:duplicate_key"], State(incremental).CurrentRejects);

        // customers-a.csv's next version no longer has C2.
        incremental.Write("customers-a.csv", Customers, Customer("C1"));
        var second = new CanonicalLoader(incremental.Warehouse).LoadFolder(incremental.Sources);
        Assert.Equal(FileLoadStatus.Unchanged, second.Files.Single(f => f.FileName == "customers-b.csv").Status);
        Assert.Equal(1, second.RowsOfUnchangedFilesNowLoaded);

        using var fresh = new TempWarehouse();
        fresh.Write("customers-a.csv", Customers, Customer("C1"));
        fresh.Write("customers-b.csv", Customers, Customer("C2"), Customer("C3"));
        new CanonicalLoader(fresh.Warehouse).LoadFolder(fresh.Sources);

        Assert.Equal(["C1@customers-a.csv:2", "C2@customers-b.csv:2", "C3@customers-b.csv:3"], State(incremental).Customers);
        Assert.Equal(State(fresh).Customers, State(incremental).Customers);
        Assert.Equal(State(fresh).CurrentRejects, State(incremental).CurrentRejects);
    }

    /// <summary>Found in review: the freed key came back only after the files referencing it had been checked.</summary>
    [Fact]
    public void A_freed_key_loads_before_the_files_that_reference_it_are_checked()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents-a.csv", Documents, Invoice("I1", "C1", "2026-03-02", "2026-04-01", "100.00"), Invoice("I2", "C1", "2026-03-02", "2026-04-01", "50.00"));
        w.Write("documents-b.csv", Documents, Invoice("I1", "C1", "2026-03-03", "2026-04-02", "100.00"));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        // documents-a.csv drops I1 (documents-b.csv still has it) and an application to I1 arrives in the same load.
        w.Write("documents-a.csv", Documents, Invoice("I2", "C1", "2026-03-02", "2026-04-01", "50.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-20,2026-03-20,100.00,USD,wire,REF1,I1");
        w.Write("applications.csv", Applications, "A1,R1,I1,2026-03-20,100.00,auto");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        Assert.Equal("I1@documents-b.csv", w.Warehouse.Scalar<string>("SELECT document_id || '@' || source_file FROM documents WHERE document_id = 'I1'"));
        Assert.Equal(["A1"], w.Warehouse.Query("SELECT application_id FROM applications", r => r.GetString(0)));
        Assert.Equal(0, w.Warehouse.Scalar<long>("SELECT count(*) FROM rejects WHERE load_id = 2"));
    }

    /// <summary>
    /// Found in review of the rebuild: keys were settled before the set rules, so when the first copy of a key failed a
    /// set rule the valid second copy was rejected as its duplicate, and the key was lost (the old loader kept it).
    /// </summary>
    [Fact]
    public void When_the_first_copy_of_a_key_fails_a_set_rule_the_next_copy_loads()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents, Invoice("I1", "C1", "2026-03-02", "2026-04-01", "500.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-20,2026-03-20,100.00,USD,wire,REF1,I1", "R2,C1,2026-03-21,2026-03-21,300.00,USD,wire,REF2,I1");
        // A1 in applications-a applies 250.00 of the 100.00 receipt R1; A1 in applications-b applies 250.00 of R2 (300.00).
        w.Write("applications-a.csv", Applications, "A1,R1,I1,2026-03-20,250.00,auto");
        w.Write("applications-b.csv", Applications, "A1,R2,I1,2026-03-21,250.00,auto");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        Assert.Equal(["A1@applications-b.csv"], w.Warehouse.Query("SELECT application_id || '@' || source_file FROM applications", r => r.GetString(0)));
        Assert.Equal(["applications-a.csv:2:application_exceeds_receipt"], State(w).CurrentRejects);
    }

    [Fact]
    public void A_source_column_named_like_the_loaders_line_column_is_ignored_as_any_extra_column()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers + ",_line", Customer("C1") + ",x");
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal("C1@2", w.Warehouse.Scalar<string>("SELECT customer_id || '@' || source_line FROM customers"));
        Assert.Contains(result.Notes, n => n.Contains("_line", StringComparison.Ordinal));
    }
}
