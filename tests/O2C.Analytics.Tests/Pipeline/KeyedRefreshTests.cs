using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Pipeline;

/// <summary>
/// The per-document, per-receipt and per-promise tables an incremental refresh rebuilds only for the keys a change can
/// touch (sql/refresh): one case each where the key's own dates are before the change and its row still moves. Each
/// is held to a full refresh of the same facts.
/// </summary>
public sealed class KeyedRefreshTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private string Refresh(bool full = false)
    {
        new CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources);
        var said = new List<string>();
        WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD", said.Add, full: full);
        return said[0];
    }

    private List<string> Rows(string table) =>
        _w.Warehouse.Query($"SELECT CAST(t AS VARCHAR) FROM {table} t ORDER BY 1", r => r.GetString(0));

    /// <summary>The table after the incremental refresh, then after a full one: they must be equal.</summary>
    private void AssertSameAsFull(string table)
    {
        var incremental = Rows(table);
        Refresh(full: true);
        Assert.Equal(Rows(table), incremental);
    }

    private void Start()
    {
        _w.Write("customers.csv", Customers, Customer("C1"));
        // I1 issued 10 January for 100.00, due 9 February; I0, paid in January, keeps every KPI's source data there
        // whatever the cases take away (else the refresh is a full one).
        _w.Write("documents.csv", Documents, Invoice("I0", "C1", "2026-01-03", "2026-02-02", "50.00"),
            Invoice("I1", "C1", "2026-01-10", "2026-02-09", "100.00"));
        _w.Write("receipts.csv", Receipts, "R0,C1,2026-01-20,2026-01-20,50.00,USD,wire,REF0,I0",
            "R1,C1,2026-02-05,2026-02-05,100.00,USD,wire,REF1,I1");
        _w.Write("applications-jan.csv", Applications, "A0,R0,I0,2026-01-20,50.00,auto");
    }

    [Fact]
    public void A_settling_payment_withdrawn_reopens_a_document_with_no_event_left_after_the_change()
    {
        Start();
        _w.Write("applications-feb.csv", Applications, "A1,R1,I1,2026-02-05,100.00,auto");
        Refresh();
        Assert.Equal("2026-02-05", _w.Warehouse.Scalar<string>("SELECT CAST(settled_date AS VARCHAR) FROM int_document_settlement WHERE document_id = 'I1'"));

        // The application file comes again empty. I1's events are now all dated 10 January, before the change
        // (5 February): only its settlement as stored (5 February) says it can move.
        _w.Write("applications-feb.csv", Applications);
        Assert.Equal("month ends from 2026-02-05 (load 2)", Refresh());
        Assert.Null(_w.Warehouse.Scalar<string>("SELECT CAST(settled_date AS VARCHAR) FROM int_document_settlement WHERE document_id = 'I1'"));
        AssertSameAsFull("int_document_settlement");
    }

    [Fact]
    public void A_later_application_within_the_value_dates_month_counts_for_its_receipt()
    {
        Start();
        _w.Write("applications-1.csv", Applications, "A1,R1,I1,2026-02-05,60.00,auto");
        Refresh();
        // 40.00 more applied on 20 February (a manual touch): the receipt's value date (5 February) is before the
        // change, its month end (28 February) is not. Applied by the period end: 60.00 + 40.00 = 100.00.
        _w.Write("applications-2.csv", Applications, "A2,R1,I1,2026-02-20,40.00,manual");
        Assert.Equal("month ends from 2026-02-20 (load 2)", Refresh());
        Assert.Equal("100.000|1|false", _w.Warehouse.Scalar<string>(
            "SELECT applied_by_period_end || '|' || manual_applications || '|' || is_straight_through FROM fct_receipt_cash_application WHERE receipt_id = 'R1'"));
        AssertSameAsFull("fct_receipt_cash_application");
        AssertSameAsFull("fct_payment_applications");
    }

    [Fact]
    public void A_withdrawn_application_within_the_value_dates_month_no_longer_counts_for_its_receipt()
    {
        Start();
        _w.Write("applications-1.csv", Applications, "A1,R1,I1,2026-02-05,60.00,auto");
        _w.Write("applications-2.csv", Applications, "A2,R1,I1,2026-02-20,40.00,manual");
        Refresh();
        Assert.Equal("100.000|1|2026-02-20", ReceiptApplied("R1"));
        // The 20 February application withdrawn: the receipt (5 February) and the application left (5 February) are
        // dated before the change; only the row as stored (its last application, 20 February) says it can move.
        // Applied by the period end: 60.00, none manual.
        _w.Write("applications-2.csv", Applications);
        Assert.Equal("month ends from 2026-02-20 (load 2)", Refresh());
        Assert.Equal("60.000|0|2026-02-05", ReceiptApplied("R1"));
        AssertSameAsFull("fct_receipt_cash_application");
    }

    [Fact]
    public void A_change_late_in_a_month_keeps_the_settlements_before_it_in_that_months_counts()
    {
        Start();
        // I1 (due 9 February) settled by R1 on 5 February: one invoice settled in February, on time.
        _w.Write("applications-1.csv", Applications, "A1,R1,I1,2026-02-05,100.00,auto");
        Refresh();
        Assert.Equal(1L, SettledInFebruary());
        // An invoice issued on 20 February: February's month end is computed again from 20 February on; the
        // settlement of 5 February still counts in it.
        _w.Write("documents-2.csv", Documents, Invoice("I2", "C1", "2026-02-20", "2026-03-22", "70.00"));
        Assert.Equal("month ends from 2026-02-20 (load 2)", Refresh());
        Assert.Equal(1L, SettledInFebruary());
        AssertSameAsFull("int_customer_settlements_monthly");
    }

    private long SettledInFebruary() => _w.Warehouse.Scalar<long>(
        "SELECT coalesce(sum(invoices_settled), 0)::BIGINT FROM int_customer_settlements_monthly WHERE month_end = DATE '2026-02-28'");

    private string? ReceiptApplied(string receipt) => _w.Warehouse.Scalar<string>(
        "SELECT applied_by_period_end || '|' || manual_applications || '|' || last_application_date FROM fct_receipt_cash_application WHERE receipt_id = $r",
        ("r", receipt));

    [Fact]
    public void A_payment_on_the_grace_date_keeps_a_promise_made_before_the_change()
    {
        Start();
        // Promised on 1 February to pay 100.00 on 10 February: grace until 12 February.
        _w.Write("promises_to_pay.csv", Promises, "P1,C1,I1,2026-02-01,2026-02-10,100.00,USD,Ann");
        _w.Write("applications-1.csv", Applications);
        Refresh();
        Assert.False(_w.Warehouse.Scalar<bool>("SELECT kept FROM int_promise_outcomes WHERE promise_id = 'P1'"));
        // Paid on 12 February: the promise's dates (1 and 10 February) are before the change, its grace date is not.
        _w.Write("receipts-2.csv", Receipts, "R2,C1,2026-02-12,2026-02-12,100.00,USD,wire,REF2,I1");
        _w.Write("applications-1.csv", Applications, "A1,R2,I1,2026-02-12,100.00,auto");
        Assert.Equal("month ends from 2026-02-12 (load 2)", Refresh());
        Assert.True(_w.Warehouse.Scalar<bool>("SELECT kept FROM int_promise_outcomes WHERE promise_id = 'P1'"));
        AssertSameAsFull("int_promise_outcomes");
    }

    [Fact]
    public void A_document_and_a_receipt_open_before_the_change_and_untouched_after_it_stay_open()
    {
        Start();
        _w.Write("applications-1.csv", Applications);
        Refresh();
        // I1 (100.00) and R1 (100.00 received 5 February, nothing applied) are open at the end of February. A new
        // invoice on 5 March: nothing of I1 or R1 is dated after February, yet both are open at the end of March.
        _w.Write("documents-mar.csv", Documents, Invoice("I3", "C1", "2026-03-05", "2026-04-04", "300.00"));
        Assert.Equal("month ends from 2026-03-05 (load 2)", Refresh());
        Assert.Equal("100.000", _w.Warehouse.Scalar<string>(
            "SELECT CAST(open_amount AS VARCHAR) FROM int_document_open_asof_month_end WHERE document_id = 'I1' AND month_end = DATE '2026-03-31'"));
        Assert.Equal("100.000", _w.Warehouse.Scalar<string>(
            "SELECT CAST(unapplied_amount AS VARCHAR) FROM fct_unapplied_cash_monthly WHERE receipt_id = 'R1' AND month_end = DATE '2026-03-31'"));
        AssertSameAsFull("int_document_open_asof_month_end");
        AssertSameAsFull("fct_unapplied_cash_monthly");
    }

    [Fact]
    public void An_opening_item_older_than_the_first_month_stays_open_after_a_change_in_that_month()
    {
        // OB1, issued in June 2025, brought open on 31 December 2025: the months start in January 2026.
        _w.Write("customers.csv", Customers, Customer("C1"));
        _w.Write("documents-opening.csv", Documents + ",opening_balance_date",
            "OB1,invoice,C1,,,2025-06-01,2025-06-01,2025-07-01,500.00,USD,,,email,2025-12-31");
        _w.Write("documents.csv", Documents, Invoice("I1", "C1", "2026-01-10", "2026-02-09", "100.00"));
        Refresh();
        // A new invoice on 20 January: the month end before it (31 December) is before the first reporting month.
        _w.Write("documents-2.csv", Documents, Invoice("I2", "C1", "2026-01-20", "2026-02-19", "200.00"));
        Assert.Equal("month ends from 2026-01-20 (load 2)", Refresh());
        Assert.Equal("500.000", _w.Warehouse.Scalar<string>(
            "SELECT CAST(open_amount AS VARCHAR) FROM int_document_open_asof_month_end WHERE document_id = 'OB1' AND month_end = DATE '2026-01-31'"));
        AssertSameAsFull("int_document_open_asof_month_end");
    }

    [Fact]
    public void A_payment_before_an_invoices_date_changes_its_history_features_and_a_new_invoice_gets_its_own()
    {
        Start();
        _w.Write("documents-2.csv", Documents, Invoice("I2", "C1", "2026-02-20", "2026-03-22", "80.00"));
        Refresh();
        // Before I2 (20 February) the customer had paid I0 (20 January): one settlement in its history.
        Assert.Equal(1, HistoryCount("I2"));
        // I1 paid on 5 February, and I3 issued that day: I2's history now holds two settlements; I3's only I0 (I1's
        // settlement is not before I3's own date).
        _w.Write("applications-feb.csv", Applications, "A1,R1,I1,2026-02-05,100.00,auto");
        _w.Write("documents-3.csv", Documents, Invoice("I3", "C1", "2026-02-05", "2026-03-07", "70.00"));
        Assert.Equal("month ends from 2026-02-05 (load 2)", Refresh());
        Assert.Equal(2, HistoryCount("I2"));
        Assert.Equal(1, HistoryCount("I3"));
        AssertSameAsFull("int_invoice_features_at_issue");
    }

    private long HistoryCount(string invoice) =>
        _w.Warehouse.Scalar<long>("SELECT hist_count FROM int_invoice_features_at_issue WHERE document_id = $d", ("d", invoice));
}
