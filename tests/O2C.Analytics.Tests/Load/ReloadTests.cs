using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Load;

/// <summary>Unchanged files are a reported no-op; a changed file replaces its rows with no duplicates or orphans.</summary>
public class ReloadTests
{
    [Fact]
    public void Loading_the_bundled_sample_twice_changes_nothing_the_second_time()
    {
        using var w = new TempWarehouse();
        var first = new CanonicalLoader(w.Warehouse).LoadFolder(RepoPaths.DataSamples);
        Assert.Equal(16, first.Files.Count); // fifteen entities (customer_payers for the bank feed), documents in two files (the opening open items apart)
        Assert.All(first.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        Assert.Equal(0, first.RowsRejected);
        var counts = Counts(w);

        var second = new CanonicalLoader(w.Warehouse).LoadFolder(RepoPaths.DataSamples);
        Assert.All(second.Files, f => Assert.Equal(FileLoadStatus.Unchanged, f.Status));
        Assert.Equal(0, second.RowsLoaded);
        Assert.Equal(counts, Counts(w));
        Assert.Equal(16, w.Warehouse.Scalar<long>("SELECT count(*) FROM load_files WHERE load_id = 2 AND status = 'unchanged'"));
    }

    [Fact]
    public void A_changed_file_replaces_its_rows_and_rows_naming_a_removed_key_are_rejected_until_it_returns()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2024-01-05", "2024-02-04", "100.00"),
            Invoice("I2", "C1", "2024-01-06", "2024-02-05", "200.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2024-02-01,2024-02-01,300.00,USD,ach,,I1 I2");
        w.Write("applications.csv", Applications, "A1,R1,I1,2024-02-01,100.00,auto", "A2,R1,I2,2024-02-01,200.00,auto");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        // documents.csv changes: I1 amended, I2 gone, I3 new. applications.csv is unchanged.
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2024-01-05", "2024-02-04", "110.00"),
            Invoice("I3", "C1", "2024-01-07", "2024-02-06", "300.00"));
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        var documents = result.Files.Single(f => f.FileName == "documents.csv");
        Assert.Equal((FileLoadStatus.Replaced, 2L, 2L), (documents.Status, documents.RowsRemoved, documents.RowsLoaded));
        Assert.All(result.Files.Where(f => f.FileName != "documents.csv"), f => Assert.Equal(FileLoadStatus.Unchanged, f.Status));
        Assert.Equal(["I1:110.000", "I3:300.000"],
            w.Warehouse.Query("SELECT document_id || ':' || amount FROM documents ORDER BY 1", r => r.GetString(0)));
        // A2 named I2, which no longer exists: it leaves the applications table for rejects.
        Assert.Equal(["A1"], w.Warehouse.Query("SELECT application_id FROM applications", r => r.GetString(0)));
        Assert.Equal(1, result.RowsOfUnchangedFilesNowRejected);
        Assert.Equal("applications.csv:3:unknown_document", w.Warehouse.Scalar<string>(
            "SELECT file_name || ':' || line_number || ':' || reason_code FROM rejects WHERE load_id = 2"));

        // documents.csv brings I2 back: A2 loads again and its reject goes.
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2024-01-05", "2024-02-04", "110.00"),
            Invoice("I2", "C1", "2024-01-06", "2024-02-05", "200.00"));
        var third = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal((0L, 1L), (third.RowsOfUnchangedFilesNowRejected, third.RowsOfUnchangedFilesNowLoaded));
        Assert.Equal(["A1", "A2"], w.Warehouse.Query("SELECT application_id FROM applications ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(0, w.Count("rejects"));
    }

    [Fact]
    public void A_symbolically_linked_source_file_loads_as_its_target_and_is_unchanged_the_second_time()
    {
        // Found profiling the 10M benchmark from a folder of links: the link's own size differed from the bytes
        // read, and the load stopped with "the file changed while it was being loaded".
        using var w = new TempWarehouse();
        var real = Directory.CreateDirectory(Path.Combine(w.Folder, "real")).FullName;
        File.WriteAllLines(Path.Combine(real, "customers.csv"), [Customers, Customer("C1"), Customer("C2")]);
        File.CreateSymbolicLink(Path.Combine(w.Sources, "customers.csv"), Path.Combine(real, "customers.csv"));

        var first = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal((FileLoadStatus.Loaded, 2L), (first.Files.Single().Status, first.Files.Single().RowsLoaded));
        Assert.Equal(FileLoadStatus.Unchanged, new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources).Files.Single().Status);
        Assert.Equal(2, w.Count("customers"));
    }

    private static Dictionary<string, long> Counts(TempWarehouse w) =>
        new[] { "customers", "documents", "receipts", "applications", "disputes", "promises_to_pay", "collection_activities", "write_offs", "fx_rates", "holidays", "kpi_targets" }
            .ToDictionary(t => t, w.Count);
}
