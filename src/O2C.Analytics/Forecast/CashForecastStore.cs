using O2C.Analytics.Storage;

namespace O2C.Analytics.Forecast;

/// <summary>
/// Keeps each cash forecast as it was made (cash_forecasts, cash_forecast_weeks), so a later month can show it
/// against what came in. Making the forecast for a morning again replaces that morning's.
/// </summary>
public static class CashForecastStore
{
    public static void Save(Warehouse warehouse, CashForecast forecast)
    {
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DELETE FROM cash_forecast_weeks WHERE as_of = $a; DELETE FROM cash_forecasts WHERE as_of = $a", ("a", forecast.AsOf));
        warehouse.Execute("INSERT INTO cash_forecasts VALUES ($a, now()::TIMESTAMP, $open, $items, $later, $allowance, $billing, $history, $unconvertible)",
            ("a", forecast.AsOf), ("open", forecast.OpenAr), ("items", forecast.OpenItems), ("later", forecast.ExpectedWeeks14To26),
            ("allowance", forecast.Allowance), ("billing", forecast.BillingNext13Weeks), ("history", forecast.HistoryWeeks),
            ("unconvertible", forecast.UnconvertibleItems));
        foreach (var w in forecast.Weeks)
            warehouse.Execute("INSERT INTO cash_forecast_weeks VALUES ($a, $week, $start, $open, $new, $expected, $low, $high)",
                ("a", forecast.AsOf), ("week", w.Week), ("start", w.WeekStart), ("open", w.OpenAr), ("new", w.NewBillings), ("expected", w.Expected),
                ("low", w.Low), ("high", w.High));
        transaction.Commit();
    }

    /// <summary>The forecast stored for a morning with the cash applied since in each week that has ended, or null.</summary>
    public static (DateTime MadeAt, CashForecast Forecast)? Read(Warehouse warehouse, SqlFolder sql, DateOnly asOf)
    {
        var head = warehouse.Query("""
            SELECT made_at, open_ar_rc, open_items, expected_weeks_14_26_rc, allowance_rc, billing_13w_rc, history_weeks, unconvertible_items
            FROM cash_forecasts WHERE as_of = $a
            """, r => (MadeAt: r.GetDateTime(0), Open: r.GetDecimal(1), Items: r.GetInt32(2), Later: r.GetDecimal(3), Allowance: r.GetDecimal(4),
                Billing: r.GetDecimal(5), History: r.IsDBNull(6) ? (int?)null : r.GetInt32(6), Unconvertible: r.IsDBNull(7) ? 0 : r.GetInt32(7)),
            ("a", asOf)).Cast<(DateTime MadeAt, decimal Open, int Items, decimal Later, decimal Allowance, decimal Billing, int? History, int Unconvertible)?>()
            .SingleOrDefault();
        if (head is not { } h) return null;
        // What came in is measured as the backtest measures it, by the same query.
        var actuals = new CashForecaster(warehouse, sql).Actuals(asOf);
        var weeks = warehouse.Query("""
            SELECT week, week_start, open_ar_rc, new_billings_rc, low_rc, high_rc FROM cash_forecast_weeks WHERE as_of = $a ORDER BY week
            """, r => new CashForecastWeek(r.GetInt32(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5)),
            ("a", asOf))
            .Select(w => actuals.TryGetValue(w.Week, out var actual) ? w with { ActualOpenAr = actual.OpenAr, ActualNewBillings = actual.NewBillings } : w)
            .ToList();
        // A forecast stored before history_weeks was kept (migration 0022) is read as it was shown then: full history.
        return (h.MadeAt, new CashForecast(asOf, h.Open, h.Items, h.Later, h.Allowance, h.Billing, weeks)
        {
            HistoryWeeks = h.History ?? 14,
            UnconvertibleItems = h.Unconvertible,
        });
    }
}
