using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: facts that cannot be true are rejected with their line and reason, and the rest of the file loads.
/// Each of these loaded before: an application before its invoice put -1,500.00 into "current" at a month end before
/// the invoice existed; USD->USD 2.0 doubled every USD amount; 2205-01-10 stretched the refresh to minutes; "X3\0"
/// became a second customer beside "X3".
/// </summary>
public sealed class ImpossibleFactsTests
{
    private static List<string> Rejects(TempWarehouse w, string file) =>
        w.Warehouse.Query($"SELECT line_number || ':' || column_name || ':' || reason_code FROM rejects WHERE file_name = '{file}' ORDER BY line_number, column_name, reason_code",
            r => r.GetString(0));

    private static void Load(TempWarehouse w) => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

    private static void BaseFacts(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents, Invoice("I1", "C1", "2026-03-10", "2026-04-09", "1500.00"));
        w.Write("receipts.csv", Receipts,
            "R1,C1,2026-02-05,2026-02-06,1500.00,USD,wire,REF1,I1",
            "R2,C1,2026-03-20,2026-03-20,1500.00,USD,wire,REF2,I1");
    }

    [Fact]
    public void An_application_before_its_document_date_or_its_receipts_value_date_is_rejected()
    {
        using var w = new TempWarehouse();
        BaseFacts(w);
        w.Write("applications.csv", Applications,
            "A1,R2,I1,2026-02-05,1500.00,manual",   // line 2: before the invoice (2026-03-10) and before R2's value date
            "A2,R1,I1,2026-03-01,1500.00,manual",   // line 3: R1 is valued 2026-02-05, but I1 is dated 2026-03-10
            "A3,R2,I1,2026-03-19,100.00,manual",    // line 4: after the invoice, one day before R2's value date 2026-03-20
            "A4,R2,I1,2026-03-20,1400.00,auto");    // line 5: the only possible one
        Load(w);

        Assert.Equal(["2:application_date:applied_before_document_date", "3:application_date:applied_before_document_date", "4:application_date:applied_before_value_date"],
            Rejects(w, "applications.csv"));
        Assert.Equal(["A4"], w.Warehouse.Query("SELECT application_id FROM applications", r => r.GetString(0)));
    }

    /// <summary>
    /// Found in review of the incremental refresh: a memo dated 20 January correcting an invoice of 10 March put the
    /// invoice at -30 open at the January and February month ends, before it existed.
    /// </summary>
    [Fact]
    public void A_memo_before_the_invoice_it_corrects_or_a_write_off_before_its_document_is_rejected()
    {
        using var w = new TempWarehouse();
        BaseFacts(w);
        w.Write("documents-memos.csv", Documents,
            "M1,credit_memo,C1,,,2026-01-20,,,30.00,USD,I1,,email",    // line 2: before I1 (2026-03-10)
            "M2,credit_memo,C1,,,2026-03-10,,,30.00,USD,I1,,email");   // line 3: the same day: loads
        w.Write("write_offs.csv", WriteOffs,
            "W1,I1,2026-03-09,10.00,small balance",                    // line 2: the day before I1
            "W2,I1,2026-03-10,10.00,small balance");                   // line 3: loads
        Load(w);

        Assert.Equal(["2:document_date:memo_before_corrected_document"], Rejects(w, "documents-memos.csv"));
        Assert.Equal(["2:write_off_date:written_off_before_document_date"], Rejects(w, "write_offs.csv"));
        Assert.Equal(["I1", "M2"], w.Warehouse.Query("SELECT document_id FROM documents ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(["W2"], w.Warehouse.Query("SELECT write_off_id FROM write_offs", r => r.GetString(0)));
    }

    [Fact]
    public void A_rate_from_a_currency_to_itself_must_be_one_and_every_rate_positive()
    {
        using var w = new TempWarehouse();
        w.Write("fx_rates.csv", FxRates,
            "2026-03-31,USD,USD,2.0",       // line 2: would double every USD amount
            "2026-03-31,EUR,EUR,1.0",       // line 3: fine
            "2026-03-31,EUR,USD,0",         // line 4
            "2026-03-31,GBP,USD,-1.25",     // line 5
            "2026-03-31,JPY,USD,0.0067");   // line 6: fine
        Load(w);
        Assert.Equal(["2:rate:self_rate_not_one", "4:rate:non_positive_rate", "5:rate:non_positive_rate"], Rejects(w, "fx_rates.csv"));
        Assert.Equal(2, w.Count("fx_rates"));
    }

    [Fact]
    public void Dates_outside_the_plausible_window_are_rejected_and_the_window_is_configurable()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        var farAhead = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5).AddDays(1).ToString("yyyy-MM-dd");
        var lastAllowed = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5).ToString("yyyy-MM-dd");
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2205-01-10", "2205-02-09", "10.00"),   // line 2
            Invoice("I2", "C1", "2026-01-10", "9999-12-31", "10.00"),   // line 3: due date
            Invoice("I3", "C1", "1989-12-31", "1990-01-30", "10.00"),   // line 4: before 1990-01-01
            Invoice("I4", "C1", "1990-01-01", lastAllowed, "10.00"),    // line 5: both ends of the window
            Invoice("I5", "C1", "2026-01-10", farAhead, "10.00"));      // line 6: one day past it
        Load(w);
        // The helper's invoices are sent on their document date, so sent_date is out of the window with it.
        Assert.Equal(["2:document_date:implausible_date", "2:due_date:implausible_date", "2:sent_date:implausible_date", "3:due_date:implausible_date",
                      "4:document_date:implausible_date", "4:sent_date:implausible_date", "6:due_date:implausible_date"], Rejects(w, "documents.csv"));
        Assert.Equal(["I4"], w.Warehouse.Query("SELECT document_id FROM documents", r => r.GetString(0)));

        // An operator with older history widens the window (o2c.json LoadEarliestDate); the same file then loads I3.
        PlausibleDates.FromConfiguration("""{ "LoadEarliestDate": "1980-01-01", "LoadYearsAhead": 5 }""")!.Store(w.Warehouse);
        File.AppendAllText(Path.Combine(w.Sources, "documents.csv"), "\n");
        Load(w);
        Assert.Equal(["I3", "I4"], w.Warehouse.Query("SELECT document_id FROM documents ORDER BY 1", r => r.GetString(0)));
    }

    [Fact]
    public void Control_characters_in_keys_and_text_are_rejected_but_tabs_in_free_text_load()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers,
            Customer("X3"),
            Customer("X3\0").Replace("Customer X3\0", "Customer X3"), // line 3: a second X3, visibly identical
            Customer("X4").Replace("Customer X4", "Acme\u001b[31m"), // line 4: an escape sequence in a name
            Customer("X5"));
        w.Write("receipts.csv", Receipts,
            "R1,X3,2026-02-05,2026-02-06,10.00,USD,wire,REF1,\"INV I1\tINV I2\"",  // line 2: a tab in remittance text is fine
            "R2,X5\u0007,2026-02-05,2026-02-06,10.00,USD,wire,REF2,");            // line 3: a bell in a reference
        Load(w);
        Assert.Equal(["3:customer_id:control_character", "4:customer_name:control_character"], Rejects(w, "customers.csv"));
        Assert.Equal(["X3", "X5"], w.Warehouse.Query("SELECT customer_id FROM customers ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(["3:customer_id:control_character"], Rejects(w, "receipts.csv"));
        Assert.Equal("INV I1\tINV I2", w.Warehouse.Scalar<string>("SELECT remittance_text FROM receipts"));
    }
}
