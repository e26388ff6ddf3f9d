using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Opening balances (issue 18): the company starts on 1 February 2026 and brings its open items as of 31 January.
///   documents-opening.csv, open on 2026-01-31:
///     O1 C1 2025-12-10 due 2026-01-09   700  paid 2026-02-20
///     O2 C1 2025-09-01 due 2025-10-01   500  still open: at 2026-02-28, 150 days past due (120+)
///   documents.csv (the history):
///     I3 C1 2026-02-05 due 2026-03-07 1,000  open, current at 2026-02-28
/// The reporting months start in February (not September 2025, the oldest item's month). February:
///   credit sales = I3 1,000 (opening items are balances, not sales);
///   AR = O2 500 + I3 1,000 = 1,500; over 90 days past due = 500 / 1,500 = 33.33 %;
///   cash collected = 700 (the opening item O1 paid).
/// </summary>
public sealed class OpeningBalanceKpiTests(OpeningBalanceKpiTests.Scenario s) : IClassFixture<OpeningBalanceKpiTests.Scenario>
{
    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, "C1,One,Enterprise,North America,US,USD,30,,B,Ann,Team A,true");
            w.Write("documents-opening.csv", Documents + ",opening_balance_date",
                "O1,invoice,C1,,,2025-12-10,,2026-01-09,700.00,USD,,,,2026-01-31",
                "O2,invoice,C1,,,2025-09-01,,2025-10-01,500.00,USD,,,,2026-01-31");
            w.Write("documents.csv", Documents, Invoice("I3", "C1", "2026-02-05", "2026-03-07", "1000.00"));
            w.Write("receipts.csv", Receipts, "R1,C1,2026-02-20,2026-02-20,700.00,USD,ach,,O1");
            w.Write("applications.csv", Applications, "A1,R1,O1,2026-02-20,700.00,auto");
        }
    }

    [Fact]
    public void The_months_start_after_the_opening_balance_date()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), s.W.Warehouse.Scalar<DateOnly>("SELECT min(month_end) FROM int_month_ends"));
        Assert.Equal(0, s.W.Warehouse.Scalar<long>("SELECT count(*) FROM kpi_values WHERE period_end < DATE '2026-02-28'"));
    }

    [Fact]
    public void Opening_items_are_balances_not_sales()
    {
        Assert.Equal(1000m, s.Value("credit_sales", "2026-02"));
        Assert.Equal(1500m, s.Value("total_open_ar", "2026-02"));
        Assert.Equal(33.333333m, s.Value("ar_over_90_pct", "2026-02")); // 500 / 1,500 x 100
        Assert.Equal(700m, s.Value("cash_collected", "2026-02"));
    }
}

/// <summary>An opening item dated after its opening balance date is rejected with its line and reason.</summary>
public sealed class OpeningItemRejectTests
{
    [Fact]
    public void An_opening_item_issued_after_its_opening_date_is_rejected()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, "C1,One,Enterprise,North America,US,USD,30,,B,Ann,Team A,true");
        w.Write("documents-opening.csv", Documents + ",opening_balance_date",
            "O1,invoice,C1,,,2026-01-10,,2026-02-09,700.00,USD,,,,2026-01-31",
            "O2,invoice,C1,,,2026-02-03,,2026-03-05,500.00,USD,,,,2026-01-31");
        new O2C.Analytics.Load.CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(1, w.Count("documents"));
        Assert.Equal(("documents-opening.csv", 3L, "opening_item_after_opening_date"), w.Warehouse.Query(
            "SELECT file_name, line_number, reason_code FROM rejects", r => (r.GetString(0), r.GetInt64(1), r.GetString(2))).Single());
    }
}
