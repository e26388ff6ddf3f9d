using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Load;

/// <summary>data-samples/dirty holds one of every defect kind; each lands in rejects with its reason and line.</summary>
public sealed class DirtySampleTests : IDisposable
{
    private readonly TempWarehouse _w = new();
    private readonly LoadResult _result;

    public DirtySampleTests() => _result = new CanonicalLoader(_w.Warehouse).LoadFolder(RepoPaths.DirtySamples);

    public void Dispose() => _w.Dispose();

    private (string Reason, string? Column, string? Raw) RejectAt(string file, long line)
    {
        var rows = _w.Warehouse.Query(
            "SELECT reason_code, column_name, raw_value FROM rejects WHERE file_name = $f AND line_number = $l",
            r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)),
            ("f", file), ("l", line));
        return Assert.Single(rows);
    }

    [Fact]
    public void Missing_key_is_rejected_on_its_line() =>
        Assert.Equal(("missing_key", "customer_id", (string?)null), RejectAt("customers.csv", 4));

    [Fact]
    public void Duplicate_key_within_the_load_is_rejected_and_the_first_row_kept()
    {
        Assert.Equal(("duplicate_key", "customer_id", "C2"), RejectAt("customers.csv", 6));
        Assert.Equal("Cedar Labs GmbH", _w.Warehouse.Scalar<string>("SELECT customer_name FROM customers WHERE customer_id = 'C2'"));
        Assert.Equal(("duplicate_key", "document_id", "INV-1"), RejectAt("documents.csv", 7));
        Assert.Equal(1200.00m, _w.Warehouse.Scalar<decimal>("SELECT amount FROM documents WHERE document_id = 'INV-1'"));
    }

    [Fact]
    public void Unparseable_date_is_rejected() =>
        Assert.Equal(("unparseable_date", "document_date", "2026-09-3x"), RejectAt("documents.csv", 3));

    [Fact]
    public void Unparseable_amounts_are_rejected_never_rounded_or_guessed()
    {
        Assert.Equal(("too_many_decimals", "amount", "1.234"), RejectAt("documents.csv", 4));
        Assert.Equal(("unparseable_amount", "amount", "1,500.00"), RejectAt("documents.csv", 10));
    }

    [Fact]
    public void Unknown_currency_is_rejected() =>
        Assert.Equal(("unknown_currency", "currency_code", "EUX"), RejectAt("documents.csv", 5));

    [Fact]
    public void Due_date_before_invoice_date_is_rejected() =>
        Assert.Equal(("due_before_document_date", "due_date", "2026-09-01"), RejectAt("documents.csv", 6));

    [Fact]
    public void Posted_before_value_date_is_rejected() =>
        Assert.Equal(("posted_before_value_date", "posted_date", "2026-10-04"), RejectAt("receipts.csv", 5));

    [Fact]
    public void Application_to_an_unknown_document_is_rejected()
    {
        Assert.Equal(("unknown_document", "document_id", "INV-99"), RejectAt("applications.csv", 4));
        // INV-5 exists in the file but its own row was rejected, so nothing may be applied to it.
        Assert.Equal(("unknown_document", "document_id", "INV-5"), RejectAt("applications.csv", 6));
    }

    [Fact]
    public void Application_to_an_unknown_receipt_is_rejected() =>
        Assert.Equal(("unknown_receipt", "receipt_id", "RCP-77"), RejectAt("applications.csv", 5));

    [Fact]
    public void Application_larger_than_what_is_left_of_the_receipt_is_rejected()
    {
        // RCP-2 is 2,500.00: APP-2 applies 2,000.00 on 10-12, APP-6 another 600.00 on 10-13 -> 2,600 > 2,500.
        Assert.Equal(("application_exceeds_receipt", "amount", "600.000"), RejectAt("applications.csv", 7));
        Assert.Equal(2000.00m, _w.Warehouse.Scalar<decimal>("SELECT sum(amount) FROM applications WHERE receipt_id = 'RCP-2'"));
    }

    [Fact]
    public void Missing_required_value_is_rejected() =>
        Assert.Equal(("missing_value", "receipt_id", (string?)null), RejectAt("applications.csv", 8));

    [Fact]
    public void Unparseable_rate_is_rejected() =>
        Assert.Equal(("unparseable_number", "rate", "abc"), RejectAt("fx_rates.csv", 5));

    [Fact]
    public void The_clean_rows_of_the_same_files_load()
    {
        Assert.Equal(["C1", "C2", "C3"], Keys("customers", "customer_id"));
        Assert.Equal(["CM-1", "INV-1", "INV-6"], Keys("documents", "document_id"));
        Assert.Equal(["RCP-1", "RCP-2", "RCP-3"], Keys("receipts", "receipt_id"));
        Assert.Equal(["APP-1", "APP-2"], Keys("applications", "application_id"));
        Assert.Equal(3, _w.Count("fx_rates"));
    }

    [Fact]
    public void Every_record_read_is_either_loaded_or_rejected()
    {
        foreach (var file in _result.Files)
            Assert.Equal(file.RowsRead, file.RowsLoaded + file.RowsRejected);
        Assert.Equal(15, _result.RowsRejected);
        Assert.Equal(15, _w.Warehouse.Scalar<long>("SELECT count(DISTINCT (file_name, line_number)) FROM rejects"));
    }

    private List<string> Keys(string table, string key) =>
        _w.Warehouse.Query($"SELECT {key} FROM {table} ORDER BY {key}", r => r.GetString(0));
}
