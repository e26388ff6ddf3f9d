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

    /// <summary>Values are checked and loaded trimmed: padding is not an error, a blank required value is missing.</summary>
    [Fact]
    public void Padded_values_load_trimmed_and_blank_required_values_are_missing()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents,
            " I1 , Invoice ,C1,,, 2024-01-05 ,,2024-02-04, 100.00 , usd ,,, email ",
            "I2,invoice,C1,,,   ,,2024-02-04,10.00,USD,,,",
            "I3,invoice,C1,,,2024-01-05,,2024-02-04,   ,USD,,,",
            "I4,invoice,C1,,,2024-01-05,,2024-02-04,1 0.00,USD,,,",
            "I5,invoice,C1,,,2024-01-05,,2024-02-04,10.00, US D,,,");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(["3:document_date:missing_value", "4:amount:missing_value", "5:amount:unparseable_amount", "6:currency_code:unknown_currency"],
            w.Warehouse.Query("SELECT line_number, column_name, reason_code FROM rejects ORDER BY line_number",
                r => $"{r.GetInt64(0)}:{r.GetString(1)}:{r.GetString(2)}"));
        Assert.Equal("I1|invoice|2024-01-05|100.000|USD|email", w.Warehouse.Scalar<string>(
            "SELECT document_id || '|' || document_type || '|' || document_date || '|' || amount || '|' || currency_code || '|' || delivery_channel FROM documents"));
    }
}
