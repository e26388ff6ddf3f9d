using System.Text;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Load;

/// <summary>A file that cannot be read at all fails the whole load with one line naming it; nothing changes.</summary>
public class UnreadableFileTests
{
    private static (LoadFailedException Error, bool Unchanged) LoadExpectingFailure(TempWarehouse w)
    {
        var before = WarehouseContents.Capture(w.Warehouse);
        var error = Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources));
        Assert.DoesNotContain('\n', error.Message);
        var after = WarehouseContents.Capture(w.Warehouse);
        return (error, before.SequenceEqual(after));
    }

    [Fact]
    public void Wrong_delimiter_is_named()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers.Replace(',', ';'), Customer("C1").Replace(',', ';'));
        var (error, unchanged) = LoadExpectingFailure(w);
        Assert.Equal("load failed, nothing was loaded: customers.csv: wrong delimiter: the header is separated by ';'; canonical files are comma-separated", error.Message);
        Assert.True(unchanged);
    }

    [Fact]
    public void Missing_required_column_is_named()
    {
        using var w = new TempWarehouse();
        w.Write("documents.csv", Documents.Replace(",due_date", "").Replace(",amount", ""), "I1,invoice,C1,,,2024-01-01,,,USD,,,email");
        var (error, unchanged) = LoadExpectingFailure(w);
        Assert.Equal("load failed, nothing was loaded: documents.csv: missing required column amount", error.Message);
        Assert.True(unchanged);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_named_with_its_line()
    {
        using var w = new TempWarehouse();
        var latin1 = Encoding.Latin1.GetBytes(Customers + "\n" + Customer("C1") + "\nC2,Société Générale,SMB,EMEA,FR,EUR,30,,B,,,false\n");
        File.WriteAllBytes(Path.Combine(w.Sources, "customers.csv"), latin1);
        var (error, unchanged) = LoadExpectingFailure(w);
        Assert.Equal("load failed, nothing was loaded: customers.csv: not UTF-8 (invalid byte sequence on line 3); save the file as UTF-8", error.Message);
        Assert.True(unchanged);
    }

    [Fact]
    public void An_empty_file_and_an_unknown_file_name_are_named()
    {
        using var w = new TempWarehouse();
        File.WriteAllText(Path.Combine(w.Sources, "receipts.csv"), "");
        Assert.Equal("load failed, nothing was loaded: receipts.csv: the file is empty (a header row is required)", LoadExpectingFailure(w).Error.Message);
        File.Delete(Path.Combine(w.Sources, "receipts.csv"));
        w.Write("invoices.csv", Documents);
        Assert.StartsWith("load failed, nothing was loaded: invoices.csv: not a canonical file name", LoadExpectingFailure(w).Error.Message);
    }
}
