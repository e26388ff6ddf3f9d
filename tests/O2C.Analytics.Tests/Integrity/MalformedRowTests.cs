using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: one stray quote or bare CR in one row failed the whole load (canonical files otherwise reject just the
/// row); a valid row after ~2 MB of blank lines was rejected. Now a malformed row is rejected with its line and
/// reason, and the clean rows around it load.
/// </summary>
public sealed class MalformedRowTests
{
    private static (List<string> Rejects, List<string> Loaded) Load(string content)
    {
        using var w = new TempWarehouse();
        File.WriteAllText(Path.Combine(w.Sources, "customers.csv"), content);
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        var file = result.Files.Single();
        Assert.Equal(file.RowsRead, file.RowsLoaded + file.RowsRejected);
        return (w.Warehouse.Query("SELECT line_number || ':' || reason_code || ':' || reason FROM rejects ORDER BY line_number", r => r.GetString(0)),
                w.Warehouse.Query("SELECT customer_id || '@' || source_line FROM customers ORDER BY source_line", r => r.GetString(0)));
    }

    [Fact]
    public void A_stray_quote_inside_a_value_rejects_that_row_only()
    {
        var (rejects, loaded) = Load($"{Customers}\n{Customer("C1")}\n{Customer("C2").Replace("Customer C2", "Customer \"C2")}\n{Customer("C3")}\n");
        Assert.Equal(["3:malformed_row:a quote inside an unquoted value (a stray quote)"], rejects);
        Assert.Equal(["C1@2", "C3@4"], loaded);
    }

    [Fact]
    public void A_quote_never_closed_rejects_the_row_it_opened_and_the_rows_after_it_load()
    {
        var (rejects, loaded) = Load($"{Customers}\n{Customer("C1")}\n\"{Customer("C2")}\n{Customer("C3")}\n{Customer("C4")}\n");
        Assert.Equal(["3:malformed_row:a quoted field is never closed (a stray quote)"], rejects);
        Assert.Equal(["C1@2", "C3@4", "C4@5"], loaded);
    }

    [Fact]
    public void A_bare_carriage_return_rejects_that_row_only_and_crlf_files_load()
    {
        var (rejects, loaded) = Load($"{Customers}\r\n{Customer("C1")}\r\n{Customer("C2").Replace("Customer C2", "Customer\rC2")}\r\n{Customer("C3")}\r\n");
        Assert.Equal(["3:malformed_row:a carriage return without a line feed inside the row (a bare CR)"], rejects);
        Assert.Equal(["C1@2", "C3@4"], loaded);
    }

    [Fact]
    public void Text_after_a_closing_quote_and_a_wrong_field_count_reject_their_rows_and_quoted_line_breaks_still_load()
    {
        var (rejects, loaded) = Load(string.Join("\n",
            Customers,
            Customer("C1").Replace("Customer C1", "\"Customer\nC1 (two lines)\""),     // lines 2-3: a quoted line break, fine
            Customer("C2").Replace("Customer C2", "\"Customer\" C2"),                  // line 4
            Customer("C3") + ",extra",                                                  // line 5
            Customer("C4").Replace("Customer C4", "\"Customer, \"\"C4\"\"\""),         // line 6: an escaped quote and a comma, fine
            "") + "\n");
        Assert.Equal(["4:malformed_row:text after the closing quote of a value (a stray quote)", "5:malformed_row:the row has 13 fields; the header has 12"], rejects);
        Assert.Equal(["C1@2", "C4@6"], loaded);
    }

    /// <summary>Found in review: a quote opened by mistake and "closed" by a later row's quote swallowed the rows between.</summary>
    [Fact]
    public void A_stray_quote_closed_lines_later_rejects_its_own_line_and_the_rows_between_load()
    {
        var (rejects, loaded) = Load(string.Join("\n",
            Customers,
            Customer("C1").Replace("Customer C1", "\"Customer C1"),          // line 2: opens a quote never meant
            Customer("C2"),                                                  // line 3
            Customer("C3").Replace("Customer C3", "\"Customer, C3\""),      // line 4: a proper quoted value
            Customer("C4")) + "\n");
        Assert.Equal(["2:malformed_row:text after the closing quote of a value (a stray quote)"], rejects);
        Assert.Equal(["C2@3", "C3@4", "C4@5"], loaded);
    }

    [Fact]
    public void A_file_whose_rows_keep_opening_quotes_is_refused_after_a_bound_not_reread_without_end()
    {
        using var w = new TempWarehouse();
        // Every line ends inside a quote it opened: each resync would re-read 2 MiB.
        var line = string.Concat(Enumerable.Repeat("x\"y,\"z", 1)) + "\n";
        File.WriteAllText(Path.Combine(w.Sources, "customers.csv"), Customers + "\n" + string.Concat(Enumerable.Repeat(line, 400_000)));
        var error = Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources));
        Assert.StartsWith("load failed, nothing was loaded: customers.csv: more than 20 rows open a quote that is never closed", error.Message);
        Assert.Equal(0, w.Count("customers"));
    }

    [Fact]
    public void Blank_lines_of_any_length_are_skipped()
    {
        // 3 MB of blank lines (longer than a record may be) between two rows, some with spaces, some CRLF, and one
        // line of 3 MiB of spaces.
        var blanks = string.Concat(Enumerable.Repeat("\n   \r\n\t\n", 400_000)) + new string(' ', 3 << 20) + "\n";
        var (rejects, loaded) = Load($"{Customers}\n{Customer("C1")}\n{blanks}{Customer("C2")}\n\n\n");
        Assert.Empty(rejects);
        Assert.Equal(["C1@2", "C2@1200004"], loaded);
    }
}
