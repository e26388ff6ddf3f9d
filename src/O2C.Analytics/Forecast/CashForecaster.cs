using O2C.Analytics.Storage;

namespace O2C.Analytics.Forecast;

/// <summary>
/// Builds 13-week cash forecasts (sql/forecast): roll rates for the open AR, billing run-rate x collection curve for
/// invoices not yet issued, and a P10-P90 band from how the same method missed from the 12 month starts before
/// each forecast date (only misses whose weeks had ended by then). Every figure uses only facts dated before the
/// forecast date; actuals are attached where the weeks have passed.
/// </summary>
public sealed class CashForecaster(Warehouse warehouse, SqlFolder sql)
{
    public const int Weeks = 13, BandHistory = 12;

    /// <summary>The method in a reader's words, for every page that shows a forecast.</summary>
    public const string MethodInBrief = "open AR by how items of the same age, dispute state and payer habit paid after each of the last 12 month ends; " +
        "billing not yet issued from last year's billing for the same weeks, scaled by growth, times how new invoices paid";

    /// <summary>The band in a reader's words.</summary>
    public const string BandInBrief = "low and high are the 10th and 90th percentiles of how the same method missed in the 12 months before";

    /// <summary>z of the 10th/90th percentile of a normal distribution: the band is lognormal in actual/forecast.</summary>
    private const double Z90 = 1.2815515655446004;

    /// <param name="keepItems">Also store each open item's forecast for this morning in cash_forecast_items (replacing it).</param>
    public CashForecast For(DateOnly asOf, bool keepItems = false) => For([asOf], keepItems ? [asOf] : [])[0];

    /// <param name="keepItemsOf">The origins whose open items' forecasts are also stored in cash_forecast_items.</param>
    public IReadOnlyList<CashForecast> For(IReadOnlyList<DateOnly> origins, IReadOnlyList<DateOnly>? keepItemsOf = null)
    {
        // The band of each origin needs the forecasts made on the 12 month starts before it.
        var monthStarts = warehouse.Query("SELECT month_end + 1 FROM int_month_ends ORDER BY 1", r => r.GetFieldValue<DateOnly>(0));
        IEnumerable<DateOnly> BandOrigins(DateOnly origin) => monthStarts.Where(m => m < origin).TakeLast(BandHistory);
        // Origins share most of their band's origins (this month's and last month's: 12 of 13), so they are built together.
        var forecasts = Build(origins.Concat(origins.SelectMany(BandOrigins)).Distinct().Order().ToList(), keepItemsOf ?? []).ToDictionary(f => f.AsOf);
        // The band reads the misses of the forecasts made at the 12 month starts before the origin, those whose
        // history spoke for all 13 weeks (a forecast from a month of history misses for want of it, not by chance).
        return origins.Select(o => WithBand(forecasts[o], BandOrigins(o).Select(m => forecasts[m]).Where(p => p.HistoryWeeks >= Weeks).ToList(),
            CashKnownThrough(o))).ToList();
    }

    /// <summary>
    /// The last day with cash applied before the morning of <paramref name="origin"/>: the band's misses are of weeks
    /// ended by then, so it reads only facts dated before its morning (the warehouse's latest application, which a
    /// later load moves, would make a forecast scored again after the load differ from the one kept).
    /// </summary>
    private DateOnly? CashKnownThrough(DateOnly origin) =>
        warehouse.Scalar<DateOnly?>("SELECT max(application_date) FROM stg_applications WHERE application_date < $o", ("o", origin));

    private List<CashForecast> Build(IReadOnlyList<DateOnly> origins, IReadOnlyList<DateOnly> keepItems)
    {
        WriteOrigins(origins);
        foreach (var file in new[] { "open_ar_collections.sql", "new_billing_collections.sql", "actual_receipts.sql" })
            warehouse.Execute(sql.Read("forecast", file));
        foreach (var asOf in keepItems)
        {
            warehouse.Execute("DELETE FROM cash_forecast_items WHERE as_of = $a", ("a", asOf));
            warehouse.Execute("""
                INSERT INTO cash_forecast_items
                SELECT as_of, document_id, customer_id, days_past_due, disputed, behaviour, open_rc,
                       round(expected_13w_rc, 2), round(expected_14_26_rc, 2), round(allowance_rc, 2)
                FROM _forecast_open_items WHERE as_of = $a AND open_rc IS NOT NULL
                """, ("a", asOf));
        }
        var summaries = warehouse.Query("""
            SELECT as_of, count(open_rc), coalesce(sum(open_rc), 0), coalesce(sum(expected_14_26_rc), 0), coalesce(sum(allowance_rc), 0),
                   count(*) - count(open_rc), max(history_weeks)
            FROM _forecast_open_items GROUP BY 1
            """, r => (AsOf: r.GetFieldValue<DateOnly>(0), Items: (int)r.GetInt64(1), Open: Money(r, 2), Later: Money(r, 3), Allowance: Money(r, 4),
                Unconvertible: (int)r.GetInt64(5), HistoryWeeks: r.IsDBNull(6) ? 0 : r.GetInt32(6)))
            .ToDictionary(s => s.AsOf);
        var weeks = warehouse.Query("""
            SELECT g.as_of, w.week, coalesce(o.expected_rc, 0), coalesce(b.expected_rc, 0), coalesce(b.billed_rc, 0),
                   a.open_ar_rc, a.new_billings_rc, coalesce(o.baseline_rc, 0)
            FROM (SELECT DISTINCT as_of FROM _forecast_origins) g CROSS JOIN range(1, 14) w(week)
            LEFT JOIN _forecast_open_ar o ON o.as_of = g.as_of AND o.week = w.week
            LEFT JOIN _forecast_new_billings b ON b.as_of = g.as_of AND b.week = w.week
            LEFT JOIN _forecast_actuals a ON a.as_of = g.as_of AND a.week = w.week
            ORDER BY 1, 2
            """, r => (AsOf: r.GetFieldValue<DateOnly>(0), Week: (int)r.GetInt64(1), OpenAr: Money(r, 2), New: Money(r, 3), Billed: Money(r, 4),
                ActualOpen: r.IsDBNull(5) ? (decimal?)null : Money(r, 5), ActualNew: r.IsDBNull(6) ? (decimal?)null : Money(r, 6), Baseline: Money(r, 7)));
        warehouse.Execute("DROP TABLE IF EXISTS _forecast_open_items; DROP TABLE IF EXISTS _forecast_open_ar; DROP TABLE IF EXISTS _forecast_new_billings; DROP TABLE IF EXISTS _forecast_actuals; DROP TABLE _forecast_origins");
        return weeks.GroupBy(w => w.AsOf).Select(g =>
        {
            var s = summaries.GetValueOrDefault(g.Key);
            return new CashForecast(g.Key, s.Open, s.Items, s.Later, s.Allowance, g.Sum(w => w.Billed),
                g.Select(w => new CashForecastWeek(w.Week, g.Key.AddDays(7 * (w.Week - 1)), w.OpenAr, w.New, 0, 0, w.Baseline, w.ActualOpen, w.ActualNew)).ToList())
            {
                UnconvertibleItems = s.Unconvertible,
                HistoryWeeks = s.HistoryWeeks,
            };
        }).ToList();
    }

    /// <summary>What came in after the morning of <paramref name="asOf"/>, by week, for the weeks that have ended (sql/forecast/actual_receipts.sql).</summary>
    public IReadOnlyDictionary<int, (decimal OpenAr, decimal NewBillings)> Actuals(DateOnly asOf)
    {
        WriteOrigins([asOf]);
        warehouse.Execute(sql.Read("forecast", "actual_receipts.sql"));
        var actuals = warehouse.Query("SELECT week, open_ar_rc, new_billings_rc FROM _forecast_actuals",
            r => (Week: r.GetInt32(0), OpenAr: Money(r, 1), New: Money(r, 2))).ToDictionary(a => a.Week, a => (a.OpenAr, a.New));
        warehouse.Execute("DROP TABLE _forecast_actuals; DROP TABLE _forecast_origins");
        return actuals;
    }

    private void WriteOrigins(IEnumerable<DateOnly> origins)
    {
        warehouse.Execute("CREATE OR REPLACE TEMP TABLE _forecast_origins (as_of DATE)");
        using var appender = warehouse.Connection.CreateAppender("_forecast_origins");
        foreach (var origin in origins) appender.CreateRow().AppendValue(origin).EndRow();
    }

    /// <summary>
    /// P10 and P90 of each week: the forecast times the 10th and 90th percentiles of actual/forecast, read as
    /// lognormal from the earlier forecasts' misses in that week (all weeks pooled when fewer than 3 are known).
    /// Positive by construction wherever cash is expected.
    /// </summary>
    private static CashForecast WithBand(CashForecast forecast, IReadOnlyList<CashForecast> earlier, DateOnly? knownThrough)
    {
        double[] LogRatios(int? week) => earlier
            .SelectMany(e => e.Weeks.Where(w => (week is null || w.Week == week) && w.Actual is > 0 && w.Expected > 0
                && knownThrough is { } last && w.WeekStart.AddDays(6) <= last))
            .Select(w => Math.Log((double)(w.Actual!.Value / w.Expected))).ToArray();
        var pooled = LogRatios(null);
        return forecast with
        {
            Weeks = forecast.Weeks.Select(w =>
            {
                var ratios = LogRatios(w.Week) is { Length: >= 3 } own ? own : pooled;
                if (ratios.Length < 2) return w with { Low = w.Expected, High = w.Expected };
                var mean = ratios.Average();
                var sd = Math.Sqrt(ratios.Sum(x => (x - mean) * (x - mean)) / (ratios.Length - 1));
                return w with
                {
                    Low = Math.Round(w.Expected * (decimal)Math.Exp(mean - Z90 * sd), 2),
                    High = Math.Round(w.Expected * (decimal)Math.Exp(mean + Z90 * sd), 2),
                };
            }).ToList(),
        };
    }

    private static decimal Money(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? 0m : Math.Round(Convert.ToDecimal(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture), 2);
}
