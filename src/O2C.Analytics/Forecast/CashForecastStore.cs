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
        warehouse.Execute("INSERT INTO cash_forecasts VALUES ($a, now()::TIMESTAMP, $open, $items, $later, $allowance, $billing)",
            ("a", forecast.AsOf), ("open", forecast.OpenAr), ("items", forecast.OpenItems), ("later", forecast.ExpectedWeeks14To26),
            ("allowance", forecast.Allowance), ("billing", forecast.BillingNext13Weeks));
        foreach (var w in forecast.Weeks)
            warehouse.Execute("INSERT INTO cash_forecast_weeks VALUES ($a, $week, $start, $open, $new, $expected, $low, $high)",
                ("a", forecast.AsOf), ("week", w.Week), ("start", w.WeekStart), ("open", w.OpenAr), ("new", w.NewBillings), ("expected", w.Expected),
                ("low", w.Low), ("high", w.High));
        transaction.Commit();
    }

    /// <summary>The forecast stored for a morning with the cash applied since in each week that has ended, or null.</summary>
    public static (DateTime MadeAt, CashForecast Forecast)? Read(Warehouse warehouse, DateOnly asOf)
    {
        var head = warehouse.Query("SELECT made_at, open_ar_rc, open_items, expected_weeks_14_26_rc, allowance_rc, billing_13w_rc FROM cash_forecasts WHERE as_of = $a",
            r => (MadeAt: r.GetDateTime(0), Open: r.GetDecimal(1), Items: r.GetInt32(2), Later: r.GetDecimal(3), Allowance: r.GetDecimal(4), Billing: r.GetDecimal(5)),
            ("a", asOf)).Cast<(DateTime MadeAt, decimal Open, int Items, decimal Later, decimal Allowance, decimal Billing)?>().SingleOrDefault();
        if (head is not { } h) return null;
        var weeks = warehouse.Query("""
            WITH last AS (SELECT max(application_date) AS last_day FROM fct_payment_applications),
            received AS (
                SELECT w.week,
                       coalesce(sum(a.amount_rc) FILTER (WHERE a.document_date < w.as_of), 0) AS open_ar,
                       coalesce(sum(a.amount_rc) FILTER (WHERE a.document_date >= w.as_of), 0) AS new_billings
                FROM cash_forecast_weeks w
                LEFT JOIN fct_payment_applications a ON a.application_date BETWEEN w.week_start AND w.week_start + 6
                WHERE w.as_of = $a GROUP BY w.week
            )
            SELECT w.week, w.week_start, w.open_ar_rc, w.new_billings_rc, w.low_rc, w.high_rc,
                   CASE WHEN w.week_start + 6 <= l.last_day THEN r.open_ar END,
                   CASE WHEN w.week_start + 6 <= l.last_day THEN r.new_billings END
            FROM cash_forecast_weeks w CROSS JOIN last l JOIN received r USING (week)
            WHERE w.as_of = $a ORDER BY w.week
            """, r => new CashForecastWeek(r.GetInt32(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5), 0,
                r.IsDBNull(6) ? null : r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetDecimal(7)), ("a", asOf));
        return (h.MadeAt, new CashForecast(asOf, h.Open, h.Items, h.Later, h.Allowance, h.Billing, weeks));
    }
}
