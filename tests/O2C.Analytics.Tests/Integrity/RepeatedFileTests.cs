using System.Text;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// A careless operator drops the same extract into the folder under three names. Each key loads once, from the first
/// file by name; every row of the others is a duplicate-key reject. Found by hand: with the sample's receipts file in
/// the folder four times, DuckDB lost the 333,360 duplicate-key findings and all four copies loaded
/// (WarehouseInsertTests has the engine's fault; two copies of 130,000 rows were not enough to show it).
/// </summary>
public sealed class RepeatedFileTests
{
    [Fact]
    public void A_receipts_file_of_130000_rows_sent_three_times_loads_each_receipt_once()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        var receipts = new StringBuilder(Receipts).Append('\n');
        for (var i = 1; i <= 130_000; i++)
            receipts.Append(System.Globalization.CultureInfo.InvariantCulture, $"R{i},C1,2026-03-20,2026-03-20,10.00,USD,wire,REF{i},\n");
        foreach (var copy in new[] { "a", "b", "c" })
            File.WriteAllText(Path.Combine(w.Sources, $"receipts-{copy}.csv"), receipts.ToString());

        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        // 130,000 receipts of 10.00, once: from receipts-a.csv, which sorts first.
        Assert.Equal(130_000, w.Count("receipts"));
        Assert.Equal(1_300_000.00m, w.Warehouse.Scalar<decimal>("SELECT sum(amount) FROM receipts"));
        Assert.Equal(["receipts-a.csv"], w.Warehouse.Query("SELECT DISTINCT source_file FROM receipts", r => r.GetString(0)));
        // Every row of the two later copies is a duplicate (lines 2 to 130,001 of each) and waits beside the table.
        Assert.Equal(260_000, w.Warehouse.Scalar<long>("SELECT count(DISTINCT (file_name, line_number)) FROM rejects WHERE reason_code = 'duplicate_key'"));
        Assert.Equal(260_000, w.Count("kept_out.receipts"));
        foreach (var later in new[] { "receipts-b.csv", "receipts-c.csv" })
        {
            var file = result.Files.Single(f => f.FileName == later);
            Assert.Equal((130_000L, 0L, 130_000L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        }
    }
}
