using O2C.Analytics.Metrics;

namespace O2C.Analytics.Render.Workbook;

/// <summary>Reads the pack's content for one month: every month up to it, company-wide.</summary>
public static class KpiPackReader
{
    public static KpiPack Read(Warehouse.Warehouse warehouse, DateOnly monthEnd, DateTime nowUtc)
    {
        var months = warehouse.Query("SELECT month_end FROM int_month_ends WHERE month_end <= $m ORDER BY month_end",
            r => r.GetFieldValue<DateOnly>(0), ("m", monthEnd));
        if (months.Count == 0 || months[^1] != monthEnd)
            throw new ArgumentException($"The warehouse has no data for {monthEnd:yyyy-MM}.");
        var currency = warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'reporting_currency'") ?? "USD";
        var values = KpiValueReader.Read(warehouse).Where(v => v.PeriodEnd <= monthEnd).ToList();
        // Loaded targets in force at the month end win over the catalogue's defaults.
        var loaded = warehouse.Query("""
            SELECT kpi_id, target_value, tolerance FROM kpi_targets WHERE effective_from <= $m
            QUALIFY row_number() OVER (PARTITION BY kpi_id ORDER BY effective_from DESC) = 1
            """, r => new KpiTarget(r.GetString(0), r.GetDecimal(1), r.IsDBNull(2) ? null : r.GetDecimal(2)), ("m", monthEnd))
            .ToDictionary(t => t.KpiId);
        var targets = KpiCatalog.All.Where(k => loaded.ContainsKey(k.Id) || k.DefaultTarget is not null)
            .ToDictionary(k => k.Id, k => loaded.GetValueOrDefault(k.Id) ?? new KpiTarget(k.Id, k.DefaultTarget!.Value, Math.Max(1m, Math.Round(k.DefaultTarget.Value / 10m, 1))));
        var signals = warehouse.TableExists("spc_signals")
            ? warehouse.Query("""
                SELECT kpi_id, string_agg(signal, '; ' ORDER BY signal) FROM (
                    SELECT kpi_id, direction || CASE WHEN is_bad THEN ' (bad)' ELSE ' (good)' END || ', rules ' || string_agg(left(rule, 1), ',' ORDER BY rule) AS signal
                    FROM spc_signals WHERE dimension = 'company' AND alerting AND period_end = $m GROUP BY kpi_id, direction, is_bad
                ) GROUP BY kpi_id
                """, r => (r.GetString(0), r.GetString(1)), ("m", monthEnd)).ToDictionary(x => x.Item1, x => x.Item2)
            : new Dictionary<string, string>();
        return new KpiPack(monthEnd, currency, KpiCatalog.All, months, values, nowUtc, targets, signals);
    }
}
