using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Load;

public class CanonicalLoaderSmokeTests
{
    [Fact]
    public void Clean_files_load_and_bad_rows_are_rejected_with_their_line()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2024-01-05", "2024-02-04", "100.00"),
            Invoice("I2", "C1", "2024-01-05", "2024-02-04", "1x0.00"),
            "I3,invoice,C1,,,2024-01-05,2024-01-05,2024-02-04,\"5\n0.00\",USD,,,email",
            "",
            Invoice("I4", "C9", "2024-01-05", "2024-02-04", "40.00"),
            "I5,invoice,C1,,too,many,columns,here,and,more,x,y,z,w",
            Invoice("I6", "C2", "2024-01-05", "2024-01-04", "60.00"));
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        var rejects = w.Warehouse.Query("SELECT line_number, reason_code FROM rejects ORDER BY line_number",
            r => $"{r.GetInt64(0)}:{r.GetString(1)}");
        Assert.Equal(["3:unparseable_amount", "4:unparseable_amount", "7:unknown_customer", "8:malformed_row", "9:due_before_document_date"], rejects);
        Assert.Equal(1, w.Count("documents"));
        Assert.Equal(2, w.Count("customers"));
        Assert.Equal(6, result.Files.Single(f => f.Entity == "documents").RowsRead);
    }
}
