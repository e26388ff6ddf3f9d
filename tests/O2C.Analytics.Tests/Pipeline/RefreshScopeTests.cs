using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Pipeline;

/// <summary>
/// Which months a refresh rebuilds: from the earliest fact date a load added, took away or let in or out
/// (fact_changes), or all of them when a change has no date to bound it. IncrementalRefreshPropertyTests holds the
/// rebuilt tables to a full refresh's; these pin the dates each kind of change records.
/// </summary>
public sealed class RefreshScopeTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private void Load() => new CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources);

    /// <summary>Refreshes; returns what it said first: the months it rebuilt and why.</summary>
    private string Refresh(bool full = false)
    {
        var said = new List<string>();
        WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD", said.Add, full: full);
        return said[0];
    }

    private DateOnly? LastChangeDate() =>
        _w.Warehouse.Scalar<DateOnly?>("SELECT earliest_fact_date FROM fact_changes ORDER BY change_id DESC LIMIT 1");

    private void Start()
    {
        _w.Write("customers.csv", Customers, Customer("C1"));
        // Ordered, shipped, issued and sent, due: a row's earliest date is its order date.
        _w.Write("documents-jan.csv", Documents, "I1,invoice,C1,2026-01-08,2026-01-09,2026-01-10,2026-01-10,2026-02-09,100.00,USD,,,email");
        _w.Write("documents-mar.csv", Documents, "I3,invoice,C1,2026-03-02,2026-03-04,2026-03-05,2026-03-05,2026-04-04,300.00,USD,,,email");
        Load();
        Assert.Equal("all months: no earlier refresh recorded what it was built from", Refresh());
    }

    [Fact]
    public void A_new_file_rebuilds_from_its_earliest_date_and_nothing_new_rebuilds_nothing()
    {
        Start();
        Load();
        Assert.Equal("no fact changed since the last refresh", Refresh());

        // An invoice ordered on 12 April, shipped the 14th, issued the 15th: its earliest date counts.
        _w.Write("documents-apr.csv", Documents, "I4,invoice,C1,2026-04-12,2026-04-14,2026-04-15,2026-04-15,2026-05-15,400.00,USD,,,email");
        Load();
        Assert.Equal(new DateOnly(2026, 4, 12), LastChangeDate());
        Assert.Equal("month ends from 2026-04-12 (load 3)", Refresh());
        Assert.Equal("all months: full refresh asked for", Refresh(full: true));
    }

    [Fact]
    public void A_file_withdrawn_dates_the_change_by_the_rows_it_took_away()
    {
        Start();
        // January's file comes again empty: I1 (ordered 8 January) is gone; nothing new arrived.
        _w.Write("documents-jan.csv", Documents);
        Load();
        Assert.Equal(new DateOnly(2026, 1, 8), LastChangeDate());
        Assert.Equal("month ends from 2026-01-08 (load 2)", Refresh());
        Assert.Equal(0, _w.Warehouse.Scalar<long>("SELECT count(*) FROM fct_ar_snapshot_monthly WHERE document_id = 'I1'"));
    }

    [Fact]
    public void A_row_of_an_unchanged_file_let_in_dates_the_change_by_its_own_date()
    {
        // I9 twice: documents-a.csv's copy (1 May) loads, documents-b.csv's (1 February) is a duplicate kept out.
        _w.Write("customers.csv", Customers, Customer("C1"));
        _w.Write("documents-a.csv", Documents, Invoice("I9", "C1", "2026-05-01", "2026-05-31", "900.00"));
        _w.Write("documents-b.csv", Documents, Invoice("I9", "C1", "2026-02-01", "2026-03-03", "900.00"));
        Load();
        Refresh();
        // documents-a.csv drops I9: documents-b.csv's copy, dated 1 February, comes in; February on is rebuilt.
        _w.Write("documents-a.csv", Documents);
        Load();
        Assert.Equal(new DateOnly(2026, 2, 1), LastChangeDate());
        Assert.Equal("month ends from 2026-02-01 (load 2)", Refresh());
        Assert.Equal(new DateOnly(2026, 2, 1), _w.Warehouse.Scalar<DateOnly>("SELECT document_date FROM documents WHERE document_id = 'I9'"));
    }

    [Fact]
    public void A_customer_or_a_holiday_changed_rebuilds_every_month()
    {
        Start();
        // A customer has no date: its segment or region is every month's.
        _w.Write("customers.csv", Customers, Customer("C1", segment: "SMB"));
        Load();
        Assert.Equal("all months: a change without a date to bound it (load 2)", Refresh());
        // A holiday changes the business days between dates around it, in earlier months too (FactChanges).
        _w.Write("holidays.csv", Holidays, "2026-03-20,Closure");
        Load();
        Assert.Equal("all months: a change without a date to bound it (load 3)", Refresh());
    }

    [Fact]
    public void A_retention_purge_rebuilds_every_month()
    {
        Start();
        _w.Write("receipts.csv", Receipts, "R1,C1,2026-01-20,2026-01-20,100.00,USD,wire,REF1,I1");
        _w.Write("applications.csv", Applications, "A1,R1,I1,2026-01-20,100.00,auto");
        Load();
        Refresh();
        // I1, paid in January, is settled before March: the purge takes it, its receipt and application.
        var purged = new O2C.Analytics.Privacy.RetentionPurge(_w.Warehouse, SqlFolder.Default()).Purge(new DateOnly(2026, 3, 1));
        Assert.True(purged.Rows > 0);
        Assert.Equal($"retention purge {purged.PurgeId}|true",
            _w.Warehouse.Scalar<string>("SELECT changed_by || '|' || whole_history FROM fact_changes ORDER BY change_id DESC LIMIT 1"));
        // (Here the purge also empties receipts, so the KPIs' source data changed too: either reason is a full refresh.)
        Assert.StartsWith("all months: ", Refresh(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Found in review: the reporting months run from the first month with facts to the last, so March's first invoice
    /// after January's last puts February between, a month before the invoice's date. The refresh starts from it.
    /// </summary>
    [Fact]
    public void A_month_that_appears_before_the_change_date_is_rebuilt_from()
    {
        _w.Write("customers.csv", Customers, Customer("C1"));
        _w.Write("documents-jan.csv", Documents, "I1,invoice,C1,2026-01-08,2026-01-09,2026-01-10,2026-01-10,2026-02-09,100.00,USD,,,email");
        Load();
        Refresh();
        _w.Write("documents-mar.csv", Documents, "I3,invoice,C1,2026-03-02,2026-03-04,2026-03-05,2026-03-05,2026-04-04,300.00,USD,,,email");
        Load();
        Assert.StartsWith("month ends from 2026-02-01 ", Refresh(), StringComparison.Ordinal);
        var incremental = Months();
        Assert.Equal(["2026-01-31", "2026-02-28", "2026-03-31"], incremental.Select(m => m.Split('|')[0]).Distinct().Order(StringComparer.Ordinal));
        // I1 (100.00, due 9 February) open at the end of February, as a full refresh has it.
        Refresh(full: true);
        Assert.Equal(Months(), incremental);
    }

    /// <summary>Each month end with the documents open at it and their amounts.</summary>
    private List<string> Months() => _w.Warehouse.Query("""
        SELECT m.month_end || '|' || coalesce(s.document_id, '') || '|' || coalesce(CAST(s.open_amount AS VARCHAR), '')
        FROM int_month_ends m LEFT JOIN fct_ar_snapshot_monthly s USING (month_end) ORDER BY 1
        """, r => r.GetString(0));
}
