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

    /// <param name="scope">Whose pack: the company (default) or one dimension member. A scoped pack reads only the
    /// member's values and customers, and leaves out what is not split by member (the cash forecast) and the analyst
    /// workbook's tables.</param>
    public static KpiPack Read(Warehouse warehouse, SqlFolder sql, ReportingMonth reportingMonth, DateTime nowUtc, PackScope? scope = null)
    {
        scope ??= PackScope.Company;
        var monthEnd = reportingMonth.End;
        var month = reportingMonth.SqlParameter;
        var months = warehouse.Query("SELECT month_end FROM int_month_ends WHERE month_end <= $month_end ORDER BY month_end",
            r => r.GetFieldValue<DateOnly>(0), month);
        if (months.Count == 0 || months[^1] != monthEnd)
            throw new ArgumentException($"The warehouse has no data for {reportingMonth}.");
        var currency = warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'reporting_currency'") ?? "USD";
        var values = KpiValueReader.Read(warehouse, scope.Dimension).Where(v => v.Member == scope.Member && v.PeriodEnd <= monthEnd).ToList();
        if (!scope.IsCompany && values.Count == 0)
            throw new ArgumentException($"No KPI values for {scope} up to {reportingMonth}: members of {scope.Dimension} are {string.Join(", ", KpiValueReader.Members(warehouse, scope.Dimension))}.");
        var targets = Targets(warehouse, monthEnd);
        // One line per KPI: its strongest alerting signal that is bad news (rule 1 before the run rules), in words.
        var signals = warehouse.Query("""
            SELECT kpi_id, arg_min(rule, rule), arg_min(direction, rule) FROM spc_signals
            WHERE dimension = $dimension AND member = $member AND alerting AND is_bad AND period_end = $month_end GROUP BY kpi_id
            """, r => (r.GetString(0), Summary.SignalWording.Of(r.GetString(1), r.GetString(2))), month, ("dimension", scope.Dimension), ("member", scope.Member))
            .ToDictionary(x => x.Item1, x => x.Item2);
        (string, object?)[] inScope = [("scope_dimension", scope.Dimension), ("scope_member", scope.Member)];
        var charts = ControlChartReader.Read(warehouse, monthEnd, targets.ToDictionary(t => t.Key, t => t.Value.Target), scope.Dimension)
            .Where(c => c.Member == scope.Member).ToList();
        var pack = new KpiPack(monthEnd, currency, KpiCatalog.All, months, values, nowUtc, targets, signals)
        {
            Scope = scope,
            Charts = charts,
            AgingByMonth = ReportQuery.Run(warehouse, sql, "aging_by_month.sql", AgingSheet.ByMonthColumns, [month, .. inScope]),
            TopOverdue = ReportQuery.Run(warehouse, sql, "top_overdue.sql", TopOverdueSheet.Columns, [month, ("top", TopOverdueSheet.Customers), .. inScope]),
            RollForward = ReportQuery.Run(warehouse, sql, "ar_roll_forward.sql", AgingPage.RollForwardColumns,
                [month, ("prior_month_end", new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddDays(-1)), .. inScope]),
            AttentionCandidates = warehouse.Query(sql.Read("reports", "attention_items.sql"), r => new Summary.AttentionCandidate(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), Decimal(r, 3), Decimal(r, 4),
                r.IsDBNull(5) ? null : r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt64(6), Decimal(r, 7), Decimal(r, 8), r.IsDBNull(9) ? null : r.GetString(9)),
                [month, ("prior_month_end", new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddDays(-1)), .. inScope]),
        };
        // What is not split by member, and the analyst workbook's company-wide tables, stay out of a scoped pack.
        if (!scope.IsCompany) return pack;
        var forecast = StoredForecast.Read(warehouse, sql, monthEnd.AddDays(1));
        return pack with
        {
            DimensionValues = KpiValueReader.ReadMembers(warehouse, monthEnd),
            PriorDimensionValues = KpiValueReader.ReadMembers(warehouse, new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddDays(-1)),
            AgingByDimension = ReportQuery.Run(warehouse, sql, "aging_by_dimension.sql", AgingSheet.ByDimensionColumns, month),
            AllKpiValues = ReportQuery.Run(warehouse, sql, "kpi_values.sql", KpiValuesSheet.Columns, month),
            AgedDebtors = ReportQuery.Run(warehouse, sql, "aged_debtors.sql", AgedDebtorsSheet.Columns, month, ("top", AgedDebtorsSheet.TopCustomers)),
            SignalList = ReportQuery.Run(warehouse, sql, "signals.sql", SignalsSheet.Columns, month),
            Lineage = ReportQuery.Run(warehouse, sql, "lineage.sql", LineageSheet.Columns),
            AuditTrail = ReportQuery.Run(warehouse, sql, "audit_log.sql", LineageSheet.AuditColumns),
            AuditChain = new Audit.AuditLog(warehouse).Verify().Summary,
            Worklist = forecast is null ? null : ReportQuery.Run(warehouse, sql, "worklist.sql", ForecastWorklistSheet.WorklistColumns, ("as_of", monthEnd.AddDays(1)), ("top", ForecastWorklistSheet.WorklistRows), ("collector", null)),
            Forecast = forecast,
            Pilots = Pilots.PilotEvaluation.PilotIds(warehouse)
                .Select(id => Pilots.PilotEvaluation.Report(warehouse, sql, id, asOf: monthEnd)!)
                .Where(r => r.Drawn && r.Pilot.Start <= monthEnd).ToList(),
            Strategies = ReportQuery.Run(warehouse, sql, "collection_strategies.sql", StrategiesSheet.Columns),
            ForecastBacktest = warehouse.Query("""
                SELECT count(*), avg(cash_wape_4w), avg(baseline_cash_wape_4w) FROM backtest_cut_offs
                WHERE backtest_id = (SELECT max(backtest_id) FROM backtest_runs) AND cash_wape_4w IS NOT NULL AND baseline_cash_wape_4w IS NOT NULL
                """, r => r.GetInt64(0) == 0 ? null : new ForecastBacktestAccuracy((int)r.GetInt64(0), r.GetDouble(1), r.GetDouble(2))).SingleOrDefault(),
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

    private static decimal? Decimal(System.Data.Common.DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDecimal(ordinal);

    public static decimal DefaultTolerance(decimal target) => Math.Max(1m, Math.Round(target / 10m, 1));

    private static string ProgramVersion() =>
        typeof(KpiPack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
