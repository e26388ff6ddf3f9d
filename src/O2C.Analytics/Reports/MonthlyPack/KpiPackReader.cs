using O2C.Analytics.Pipeline;
using O2C.Analytics.Sla;
using System.Reflection;
using O2C.Analytics.Metrics;
using O2C.Analytics.Predict;
using O2C.Analytics.Spc;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Reads the pack's content for one month: every month up to it, company-wide and by dimension.</summary>
public static class KpiPackReader
{
    public static KpiPack Read(Warehouse warehouse, ReportingMonth reportingMonth, DateTime nowUtc) =>
        Read(warehouse, SqlFolder.Default(), reportingMonth, nowUtc);

    public static KpiPack Read(Warehouse warehouse, SqlFolder sql, ReportingMonth reportingMonth, DateTime nowUtc)
    {
        var monthEnd = reportingMonth.End;
        var month = reportingMonth.SqlParameter;
        var months = warehouse.Query("SELECT month_end FROM int_month_ends WHERE month_end <= $month_end ORDER BY month_end",
            r => r.GetFieldValue<DateOnly>(0), month);
        if (months.Count == 0 || months[^1] != monthEnd)
            throw new ArgumentException($"The warehouse has no data for {reportingMonth}.");
        var currency = warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'reporting_currency'") ?? "USD";
        var values = KpiValueReader.Read(warehouse).Where(v => v.PeriodEnd <= monthEnd).ToList();
        var targets = Targets(warehouse, monthEnd);
        var signals = warehouse.Query("""
            SELECT kpi_id, string_agg(signal, '; ' ORDER BY signal) FROM (
                SELECT kpi_id, direction || CASE WHEN is_bad THEN ' (bad)' ELSE ' (good)' END || ', rules ' || string_agg(left(rule, 1), ',' ORDER BY rule) AS signal
                FROM spc_signals WHERE dimension = 'company' AND alerting AND period_end = $month_end GROUP BY kpi_id, direction, is_bad
            ) GROUP BY kpi_id
            """, r => (r.GetString(0), r.GetString(1)), month).ToDictionary(x => x.Item1, x => x.Item2);
        var forecast = StoredForecast.Read(warehouse, sql, monthEnd.AddDays(1));
        return new KpiPack(monthEnd, currency, KpiCatalog.All, months, values, nowUtc, targets, signals)
        {
            DimensionValues = KpiValueReader.ReadMembers(warehouse, monthEnd),
            PriorDimensionValues = KpiValueReader.ReadMembers(warehouse, new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddDays(-1)),
            Charts = ControlChartReader.Read(warehouse, monthEnd, targets.ToDictionary(t => t.Key, t => t.Value.Target)),
            AgingByMonth = ReportQuery.Run(warehouse, sql, "aging_by_month.sql", AgingSheet.ByMonthColumns, month),
            AgingByDimension = ReportQuery.Run(warehouse, sql, "aging_by_dimension.sql", AgingSheet.ByDimensionColumns, month),
            AllKpiValues = ReportQuery.Run(warehouse, sql, "kpi_values.sql", KpiValuesSheet.Columns, month),
            AgedDebtors = ReportQuery.Run(warehouse, sql, "aged_debtors.sql", AgedDebtorsSheet.Columns, month, ("top", AgedDebtorsSheet.TopCustomers)),
            TopOverdue = ReportQuery.Run(warehouse, sql, "top_overdue.sql", TopOverdueSheet.Columns, month),
            SignalList = ReportQuery.Run(warehouse, sql, "signals.sql", SignalsSheet.Columns, month),
            Lineage = ReportQuery.Run(warehouse, sql, "lineage.sql", LineageSheet.Columns),
            AuditTrail = ReportQuery.Run(warehouse, sql, "audit_log.sql", LineageSheet.AuditColumns),
            AuditChain = new Audit.AuditLog(warehouse).Verify().Summary,
            Worklist = forecast is null ? null : ReportQuery.Run(warehouse, sql, "worklist.sql", ForecastWorklistSheet.WorklistColumns, ("as_of", monthEnd.AddDays(1)), ("top", ForecastWorklistSheet.WorklistRows)),
            Forecast = forecast,
            Provenance = new PackProvenance(
                ProgramVersion(),
                warehouse.Scalar<string>("SELECT 'schema ' || max(version) || ' (' || arg_max(name, version) || ')' FROM schema_migrations") ?? "",
                warehouse.Scalar<string>("SELECT version()") ?? "",
                Path.GetFileName(warehouse.Path),
                warehouse.Scalar<DateTime?>("SELECT max(finished_at) FROM loads"),
                forecast?.RunId),
        };
    }

    /// <summary>Loaded targets in force at the month end win over the catalogue's defaults (tolerance: a tenth of the target, at least 1).</summary>
    public static IReadOnlyDictionary<string, KpiTarget> Targets(Warehouse warehouse, DateOnly monthEnd)
    {
        var loaded = warehouse.Query("""
            SELECT kpi_id, target_value, tolerance FROM kpi_targets WHERE effective_from <= $month_end
            QUALIFY row_number() OVER (PARTITION BY kpi_id ORDER BY effective_from DESC) = 1
            """, r => new KpiTarget(r.GetString(0), r.GetDecimal(1), r.IsDBNull(2) ? null : r.GetDecimal(2)), ("month_end", monthEnd))
            .ToDictionary(t => t.KpiId);
        return KpiCatalog.All.Where(k => loaded.ContainsKey(k.Id) || k.DefaultTarget is not null)
            .ToDictionary(k => k.Id, k => loaded.GetValueOrDefault(k.Id) ?? new KpiTarget(k.Id, k.DefaultTarget!.Value, DefaultTolerance(k.DefaultTarget.Value)));
    }

    public static decimal DefaultTolerance(decimal target) => Math.Max(1m, Math.Round(target / 10m, 1));

    private static string ProgramVersion() =>
        typeof(KpiPack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
