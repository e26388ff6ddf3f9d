using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Load;

/// <summary>One load is one transaction: a failure in any file leaves every table exactly as it was.</summary>
public class AtomicLoadTests
{
    /// <summary>A warehouse with one earlier load in it; returns its contents, then writes the three files of the next load.</summary>
    private static IReadOnlyDictionary<string, string> LoadOnceThenWriteThreeFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C0"));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        File.Delete(Path.Combine(w.Sources, "customers.csv"));
        var before = WarehouseContents.Capture(w.Warehouse);
        WriteThreeFiles(w);
        return before;
    }

    private static void WriteThreeFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("fx_rates.csv", FxRates, "2024-01-01,EUR,USD,1.1");
        w.Write("documents.csv", Documents, Invoice("I1", "C1", "2024-01-05", "2024-02-04", "100.00"));
    }

    [Fact]
    public void Third_file_unparseable_before_loading_leaves_the_warehouse_as_it_was()
    {
        using var w = new TempWarehouse();
        var before = LoadOnceThenWriteThreeFiles(w);
        // documents.csv is third in load order (customers, fx_rates, documents); make it unreadable.
        File.WriteAllBytes(Path.Combine(w.Sources, "documents.csv"), [0x64, 0x6f, 0x63, 0xff, 0xfe, 0x0a]);
        Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources));

        Assert.Equal(before, WarehouseContents.Capture(w.Warehouse));
    }

    [Fact]
    public void Third_file_failing_during_the_load_rolls_back_the_first_two()
    {
        using var w = new TempWarehouse();
        var before = LoadOnceThenWriteThreeFiles(w);
        // Make the third file's load fail inside the transaction, just as it starts: its kept-out table is gone. (A file
        // replaced on disk no longer fails a load: the load reads the copy it scanned, PartialInputTests.)
        var progress = new SynchronousProgress(message =>
        {
            if (message == "loading documents.csv") w.Warehouse.Execute("DROP TABLE kept_out.documents CASCADE");
        });
        var error = Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources, progress));

        Assert.Contains("documents.csv", error.Message);
        Assert.Equal(before, WarehouseContents.Capture(w.Warehouse));
        Assert.Equal(1, w.Count("customers"));
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
