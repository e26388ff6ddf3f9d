using O2C.Analytics.Metrics;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Spc;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Pipeline;

/// <summary>
/// Rebuilds everything derived from the loaded facts: the SQL models, every KPI, the control charts and the
/// analyst views, in one transaction. Killed anywhere, the warehouse shows every derived table of the previous
/// refresh or every one of the new: never new models beside old KPI values.
/// </summary>
public static class WarehouseRefresh
{
    /// <summary>
    /// Returns the control charts, so that callers can draw them without charting twice. Incremental unless
    /// <paramref name="full"/>: only the month ends from the earliest fact a load (or match, or purge) changed since
    /// the last refresh are computed again (RefreshScope says which and why; <paramref name="status"/> hears it).
    /// </summary>
    public static IReadOnlyList<ControlChart> Run(Warehouse warehouse, SqlFolder sql, string reportingCurrency, Action<string>? status = null,
        SpcOptions? spc = null, bool full = false)
    {
        using var transaction = warehouse.BeginTransaction();
        SetReportingCurrency(warehouse, reportingCurrency);
        var builtFrom = RefreshFingerprint.Of(warehouse, sql, reportingCurrency);
        var scope = RefreshScope.Decide(warehouse, builtFrom, full).WithMonthsThatAppearOrVanish(warehouse, sql);
        status?.Invoke(scope.Full ? $"all months: {scope.Reason}" : scope.Reason);
        if (!scope.NothingChanged)
        {
            ModelBuilder.Build(warehouse, sql, name => status?.Invoke($"model {name}"), scope.MonthEndsFrom);
            KpiCalculator.Run(warehouse, sql, status: id => status?.Invoke($"kpi {id}"), monthEndsFrom: scope.MonthEndsFrom);
        }
        foreach (var note in Pilots.PilotAssignment.DrawDue(warehouse, sql, DateTimeOffset.UtcNow))
            status?.Invoke(note);
        status?.Invoke("control charts");
        var charts = SpcRunner.Run(warehouse, spc ?? new SpcOptions());
        status?.Invoke("analyst views");
        Analyst.AnalystViews.Create(warehouse, sql);
        Analyst.WarehouseComments.Apply(warehouse, sql);
        RecordRefreshed(warehouse, scope.ThroughChange, builtFrom);
        transaction.Commit();
        return charts;
    }

    /// <summary>
    /// Records that the derived tables are built through the latest load and fact change, from these definitions. The
    /// benchmark, which times the refresh's steps one by one, records its full build with it.
    /// </summary>
    public static void RecordRefreshed(Warehouse warehouse, SqlFolder sql, string reportingCurrency) =>
        RecordRefreshed(warehouse, warehouse.Scalar<long?>("SELECT max(change_id) FROM fact_changes") ?? 0,
            RefreshFingerprint.Of(warehouse, sql, reportingCurrency));

    private static void RecordRefreshed(Warehouse warehouse, long throughChange, string builtFrom)
    {
        warehouse.Execute("DELETE FROM refresh_state");
        warehouse.Execute("""
            INSERT INTO refresh_state (refreshed_through_load, refreshed_at, refreshed_through_change, built_from)
            SELECT coalesce(max(load_id), 0), now()::TIMESTAMP, $change, $built FROM loads
            """, ("change", throughChange), ("built", builtFrom));
    }

    /// <summary>
    /// A load that changed something was committed after the last refresh (or none has run): the KPIs are stale.
    /// </summary>
    public static bool Owed(Warehouse warehouse) =>
        warehouse.Scalar<long>("""
            SELECT count(*) FROM loads
            WHERE files_loaded > 0 AND load_id > coalesce((SELECT max(refreshed_through_load) FROM refresh_state), 0)
            """) > 0;

    internal static void SetReportingCurrency(Warehouse warehouse, string currency)
    {
        var code = currency.Trim().ToUpperInvariant();
        if (warehouse.Scalar<long>("SELECT count(*) FROM currencies WHERE currency_code = $c", ("c", code)) == 0)
            throw new ArgumentException($"Reporting currency '{currency}' is not an ISO 4217 code.");
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DELETE FROM o2c_settings WHERE setting_key = 'reporting_currency'");
        warehouse.Execute("INSERT INTO o2c_settings VALUES ('reporting_currency', $c)", ("c", code));
        transaction.Commit();
    }

    /// <summary>
    /// One line per currency whose open items (or unapplied receipts) cannot be converted at some month end for lack
    /// of a rate: which months, how many items. Their months' balance KPIs are "not available" (KpiCalculator).
    /// </summary>
    public static IReadOnlyList<string> MissingRates(Warehouse warehouse) =>
        warehouse.Query($"""
            SELECT currency_code, count(DISTINCT month_end), min(month_end), max(month_end), count(*),
                   (SELECT max(setting_value) FROM o2c_settings WHERE setting_key = 'reporting_currency')
            FROM ({KpiCalculator.UnconvertibleBalancesSql})
            GROUP BY currency_code ORDER BY currency_code
            """, r => $"no {r.GetString(0)} -> {r.GetString(5)} rate on or before {r.GetFieldValue<DateOnly>(2):yyyy-MM-dd}" +
                      (r.GetInt64(1) > 1 ? $" (and {r.GetInt64(1) - 1} later month ends to {r.GetFieldValue<DateOnly>(3):yyyy-MM-dd})" : "") +
                      $": {r.GetInt64(4):N0} open items cannot be converted, so those months' balance KPIs are not available; load the rates and refresh");

    /// <summary>Documents and receipts that could not be converted for lack of any FX rate: they would be missing from AR.</summary>
    public static long UnconvertibleOpenItems(Warehouse warehouse) =>
        warehouse.Scalar<long>("SELECT count(*) FROM fct_ar_snapshot_monthly WHERE open_amount_rc IS NULL");
}
