using O2C.Analytics.Forecast;
using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Forecast;

/// <summary>
/// The cash forecast's arithmetic on a history small enough to compute by hand, and its as-of rule: nothing dated
/// on or after the forecast morning (1 March 2026) is read.
///
/// C1, all USD. H1 and H2 (1,000 each) issued in January, due 20 February; N1 (500) issued 5 February, due 20 March.
/// H1 is paid on 10 February, H2 500 on 17 February and 500 on 5 March, N1 on 12 March.
/// On the evening of 31 January (the only history month end whose first four weeks ended before 1 March) H1 and H2
/// were open, due in 20 days (cell "due in 2 weeks"). Of their 2,000: 1,000 came in week 2 (1-7 Feb = week 1, 8-14 =
/// week 2: H1 on the 10th), 500 in week 3 (H2 on the 17th). Week rates: 0.50 in week 2, 0.25 in week 3, 0 in
/// weeks 1 and 4; weeks 5-26 had not ended by 1 March, so nothing is known of them.
/// On 28 February N1 is due in 20 days, the same cell: it expects 500 x 0.50 = 250 in week 2 and 500 x 0.25 = 125 in
/// week 3. H2's remaining 500 is 8 days past due: no history has been in that cell, so nothing is expected from it.
/// History speaks for 4 weeks only, so the rest (N1 125, H2 500) is "later", not an allowance: too little history to
/// call anything lost. (C1 paid H1 ten days early, so C1's habit
/// on 28 February is "on time", a cell without history either: the coarser cell speaks for it.)
/// </summary>
public sealed class CashForecastRollRateTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);

    private static TempWarehouse History(bool withLaterFacts, bool withUnratedCurrency = false)
    {
        var w = new TempWarehouse();
        w.Write("customers.csv", [Customers, Customer("C1"), .. withUnratedCurrency ? [Customer("C2", "EUR")] : Array.Empty<string>()]);
        w.Write("documents.csv", [Documents,
            Invoice("H1", "C1", "2026-01-10", "2026-02-20", "1000.00"), Invoice("H2", "C1", "2026-01-12", "2026-02-20", "1000.00"),
            Invoice("N1", "C1", "2026-02-05", "2026-03-20", "500.00"),
            .. withUnratedCurrency ? [Invoice("E1", "C2", "2026-02-10", "2026-03-12", "900.00", "EUR")] : Array.Empty<string>()]);
        string[] receipts = ["R1,C1,2026-02-10,2026-02-10,1000.00,USD,ach,,H1", "R2,C1,2026-02-17,2026-02-17,500.00,USD,ach,,H2"];
        string[] applications = ["A1,R1,H1,2026-02-10,1000.00,auto", "A2,R2,H2,2026-02-17,500.00,auto"];
        if (withLaterFacts)
        {
            receipts = [.. receipts, "R3,C1,2026-03-05,2026-03-05,500.00,USD,ach,,H2", "R4,C1,2026-03-12,2026-03-12,500.00,USD,ach,,N1"];
            applications = [.. applications, "A3,R3,H2,2026-03-05,500.00,auto", "A4,R4,N1,2026-03-12,500.00,auto"];
        }
        w.Write("receipts.csv", [Receipts, .. receipts]);
        w.Write("applications.csv", [Applications, .. applications]);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        return w;
    }

    [Fact]
    public void Open_items_expect_the_share_their_cell_paid_in_each_week_and_the_rest_is_allowance()
    {
        using var w = History(withLaterFacts: true);
        var forecast = new CashForecaster(w.Warehouse, SqlFolder.Default()).For(March1, keepItems: true);

        Assert.Equal(1000m, forecast.OpenAr);
        Assert.Equal(2, forecast.OpenItems);
        Assert.Equal([0m, 250m, 125m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m], forecast.Weeks.Select(x => x.OpenAr));
        Assert.Equal(4, forecast.HistoryWeeks);
        Assert.Equal(625m, forecast.ExpectedWeeks14To26); // N1 125 + H2 500
        Assert.Equal(0m, forecast.Allowance);
        Assert.Equal([("H2", 0m, 500m, 0m), ("N1", 375m, 125m, 0m)], w.Warehouse.Query(
            "SELECT document_id, expected_13w_rc, expected_14_26_rc, allowance_rc FROM cash_forecast_items WHERE as_of = DATE '2026-03-01' ORDER BY 1",
            r => (r.GetString(0), r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3))));
        // The baseline puts each item on invoice date + the customer's median days to pay so far (H1: 31 days),
        // never before the morning: H2 (12 Jan + 31 = 12 Feb) in week 1, N1 (5 Feb + 31 = 8 Mar) in week 2.
        Assert.Equal([500m, 500m, 0m], forecast.Weeks.Take(3).Select(x => x.BaselineOpenAr));
        // What came in: week 1 (1-7 March) H2's 500; week 2 ended after the last cash applied (12 March): unknown.
        Assert.Equal(500m, forecast.Weeks[0].ActualOpenAr);
        Assert.Null(forecast.Weeks[1].ActualOpenAr);
        // No billing history a year back: the run-rate of the days billed so far (2,500 over the 50 days from 10
        // January to 28 February: 50 a day) for the next 91 days: 4,550.
        Assert.InRange(forecast.BillingNext13Weeks, 4549.9m, 4550.1m);
    }

    [Fact]
    public void Facts_dated_on_or_after_the_morning_do_not_change_the_forecast()
    {
        using var full = History(withLaterFacts: true);
        using var cut = History(withLaterFacts: false);
        var withLater = new CashForecaster(full.Warehouse, SqlFolder.Default()).For(March1);
        var without = new CashForecaster(cut.Warehouse, SqlFolder.Default()).For(March1);
        Assert.Equal(without.Weeks.Select(x => (x.OpenAr, x.NewBillings, x.BaselineOpenAr)), withLater.Weeks.Select(x => (x.OpenAr, x.NewBillings, x.BaselineOpenAr)));
        Assert.Equal((without.OpenAr, without.Allowance, without.ExpectedWeeks14To26, without.BillingNext13Weeks),
            (withLater.OpenAr, withLater.Allowance, withLater.ExpectedWeeks14To26, withLater.BillingNext13Weeks));
    }

    /// <summary>An open invoice in a currency with no rate into the reporting currency is not valued at 0: it is left out and counted.</summary>
    [Fact]
    public void An_item_without_a_rate_is_left_out_and_counted_not_valued_at_zero()
    {
        using var w = History(withLaterFacts: true, withUnratedCurrency: true);
        var forecast = new CashForecaster(w.Warehouse, SqlFolder.Default()).For(March1, keepItems: true);
        Assert.Equal((1000m, 2, 1), (forecast.OpenAr, forecast.OpenItems, forecast.UnconvertibleItems));
        Assert.Equal(["H2", "N1"], w.Warehouse.Query("SELECT document_id FROM cash_forecast_items ORDER BY 1", r => r.GetString(0)));
    }
}
