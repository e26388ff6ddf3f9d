using System.Globalization;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Metrics;

/// <summary>
/// Computes every KPI of the catalogue for every month and dimension member into kpi_values, with numerator
/// and denominator kept so that any set of members recomputes exactly. Months without enough history, without
/// a denominator, or whose source data is absent are stored as not available with the reason, never as 0.
/// </summary>
public static class KpiCalculator
{
    /// <summary>
    /// Computes the KPIs; with <paramref name="monthEndsFrom"/>, only for the month ends from that date on, the values of
    /// earlier months staying as they are (an incremental refresh: WarehouseRefresh).
    /// </summary>
    public static void Run(Warehouse warehouse, SqlFolder sql, IReadOnlyList<KpiDefinition>? kpis = null, Action<string>? status = null,
        DateOnly? monthEndsFrom = null)
    {
        using var transaction = warehouse.BeginTransaction();
        var from = monthEndsFrom is { } date ? $"DATE '{date:yyyy-MM-dd}'" : null;
        var months = from is null ? "" : $" AND m.month_end >= {from}";
        DefineFirstDay(warehouse, monthEndsFrom);
        DefineCustomerCells(warehouse);
        warehouse.Execute(from is null ? "DELETE FROM kpi_values" : $"DELETE FROM kpi_values WHERE period_end >= {from}");
        var computed = new List<KpiDefinition>();
        foreach (var kpi in kpis ?? KpiCatalog.All)
        {
            status?.Invoke(kpi.Id);
            var missing = kpi.Requirements.FirstOrDefault(r => !warehouse.Scalar<bool>($"SELECT {r.Check}"));
            if (missing is not null)
            {
                warehouse.Execute(NotAvailableSql(kpi, $"not available: {missing.Missing}", months));
                continue;
            }
            var kpiSql = sql.Read("kpis", kpi.SqlFile);
            if (kpi.Kind == KpiKind.PerGroup)
            {
                warehouse.Execute(PerGroupSql(kpi, kpiSql, months));
            }
            else
            {
                warehouse.Execute(RollUpSql(kpi, kpiSql, months));
            }
            warehouse.Execute(NotAvailableSql(kpi, null, months));
            computed.Add(kpi);
        }
        if (computed.Count > 0) warehouse.Execute(MemberGapSql(computed, months));
        MarkUnconvertibleBalances(warehouse, kpis ?? KpiCatalog.All, months);
        transaction.Commit();
    }

    /// <summary>
    /// kpi_first_day(): the first day of the earliest month whose values are computed (0001-01-01 for all of them). A
    /// KPI's SQL may narrow its scans with it (rows of earlier months are not asked for), reaching back itself for
    /// what it sums over trailing months.
    /// </summary>
    public static void DefineFirstDay(Warehouse warehouse, DateOnly? monthEndsFrom)
    {
        var first = monthEndsFrom is { } d ? new DateOnly(d.Year, d.Month, 1) : DateOnly.MinValue;
        warehouse.Execute($"CREATE OR REPLACE TEMP MACRO kpi_first_day() AS DATE '{first:yyyy-MM-dd}'");
    }

    /// <summary>
    /// The customers' cells: each distinct combination of reporting-dimension members (a few hundred), numbered, and
    /// each customer's cell. A KPI's parts are summed by cell first (one pass keyed by a number) and only the cells are
    /// rolled up to every dimension: the same sums as rolling up every customer, in about half the time (the grouping
    /// sets ran over every customer row once per dimension). _kpi_member_cells names, for the KPIs computed per group,
    /// the members each cell belongs to (the company's 'All' and one per dimension), so that they compute every
    /// dimension in one statement: seven statements each summing every month's credit sales for DSO countback cost
    /// 2.3 of a 10M day's 21 s refresh.
    /// </summary>
    public static void DefineCustomerCells(Warehouse warehouse)
    {
        var members = ReportingDimension.CustomerColumns.Select(c => $"coalesce({c}, '{ReportingDimension.Unassigned}') AS {c}");
        var same = ReportingDimension.CustomerColumns.Select(c => $"k.{c} = coalesce(c.{c}, '{ReportingDimension.Unassigned}')");
        warehouse.Execute($"""
            CREATE OR REPLACE TEMP TABLE _kpi_cells AS
            SELECT row_number() OVER (ORDER BY {string.Join(", ", ReportingDimension.CustomerColumns)})::INTEGER AS cell, *
            FROM (SELECT DISTINCT {string.Join(", ", members)} FROM stg_customers)
            """);
        // Each customer's score band by KPI month: its band at the month end before (ReportingDimension.ScoreBand), one
        // letter per month from the first month computed ('U' unscored) on the customer's cell row, read by position.
        // A join of every KPI's rows to the bands by customer and month cost the 10M full KPI stage 44 s -> 70 s. One
        // aggregate per month, not an ordered string_agg: that ran out of memory at 10M (an ordered state per customer).
        var indexes = warehouse.Query("SELECT month_index FROM int_month_ends WHERE month_end >= kpi_first_day() ORDER BY 1", r => r.GetInt64(0));
        var letters = indexes.Count == 0 ? "NULL::VARCHAR"
            : string.Join(" || ", indexes.Select(i => $"coalesce(max(b.score_band) FILTER (WHERE m.month_index = {i}), 'U')"));
        warehouse.Execute($"""
            CREATE OR REPLACE TEMP TABLE _kpi_customer_cells AS
            WITH customer_cells AS (
                SELECT c.customer_id, k.cell FROM stg_customers c JOIN _kpi_cells k ON {string.Join(" AND ", same)}
            ),
            band_letters AS (
                SELECT b.customer_id, {letters} AS score_bands
                FROM fct_customer_score_monthly b
                JOIN int_month_ends m ON m.month_end = last_day(b.month_end + INTERVAL 1 MONTH) AND m.month_end >= kpi_first_day()
                WHERE b.score_band IS NOT NULL
                GROUP BY b.customer_id
            )
            SELECT c.*, l.score_bands FROM customer_cells c LEFT JOIN band_letters l USING (customer_id)
            """);
        warehouse.Execute($"CREATE OR REPLACE TEMP MACRO kpi_score_band(bands, month_index) AS coalesce(nullif(substr(bands, (month_index - {(indexes.Count == 0 ? 0 : indexes[0])} + 1)::BIGINT, 1), ''), 'U')");
        var memberOf = ReportingDimension.CustomerColumns.Select(c => $"SELECT cell, '{ReportingDimension.Label(c)}', {c} FROM _kpi_cells");
        warehouse.Execute($"""
            CREATE OR REPLACE TEMP TABLE _kpi_member_cells AS
            SELECT cell, '{ReportingDimension.Company}' AS dimension, '{ReportingDimension.AllMembers}' AS member FROM _kpi_cells
            UNION ALL {string.Join("\nUNION ALL ", memberOf)}
            """);
    }

    /// <summary>
    /// Month-end balances that cannot be converted into the reporting currency for lack of a rate, one row each
    /// (month_end, currency_code): open items and unapplied receipts. The KPIs and `o2c refresh`'s warning read it.
    /// </summary>
    public const string UnconvertibleBalancesSql = """
        SELECT month_end, currency_code FROM fct_ar_snapshot_monthly WHERE open_amount_rc IS NULL
        UNION ALL
        SELECT month_end, currency_code FROM fct_unapplied_cash_monthly WHERE unapplied_amount_rc IS NULL
        """;

    /// <summary>Sources whose amounts include month-end balances converted into the reporting currency.</summary>
    private static readonly string[] BalanceSources = ["fct_ar_snapshot_monthly", "fct_customer_month", "fct_customer_aging_monthly", "fct_unapplied_cash_monthly"];

    /// <summary>
    /// A month whose open items include one with no FX rate into the reporting currency on or before the month end
    /// would sum to too little (a missing rate once made total open AR 0). Its balance-based KPIs are "not available",
    /// the reason naming the currencies and the date, for every dimension member.
    /// </summary>
    private static void MarkUnconvertibleBalances(Warehouse warehouse, IReadOnlyList<KpiDefinition> kpis, string months)
    {
        var affected = kpis.Where(k => BalanceSources.Any(s => k.SourceTables.Contains(s, StringComparison.Ordinal))).Select(k => $"'{k.Id}'").ToList();
        if (affected.Count == 0) return;
        warehouse.Execute($"""
            UPDATE kpi_values v
            SET value = NULL, numerator = NULL, denominator = NULL, note = m.reason
            FROM (
                SELECT month_end,
                       'not available: no ' || string_agg(DISTINCT currency_code, ', ' ORDER BY currency_code) || ' rate into '
                       || (SELECT max(setting_value) FROM o2c_settings WHERE setting_key = 'reporting_currency')
                       || ' on or before ' || strftime(month_end, '%Y-%m-%d') || ' (' || count(*) || ' open items or unapplied receipts cannot be converted)' AS reason
                FROM ({UnconvertibleBalancesSql})
                GROUP BY month_end
            ) m
            WHERE v.period_end = m.month_end AND v.kpi_id IN ({string.Join(", ", affected)}){months}
            """);
    }

    /// <summary>Additive parts summed over every grouping set: the company total and each dimension.</summary>
    internal static string RollUpSql(KpiDefinition kpi, string kpiSql, string months = "")
    {
        var columns = ReportingDimension.CustomerColumns.ToList();
        var labels = columns.ToDictionary(c => c, ReportingDimension.Label);
        if (kpi.CategoryDimension is { } category)
        {
            columns.Add("category");
            labels["category"] = category;
        }
        columns.Add(ReportingDimension.ScoreBand);
        labels[ReportingDimension.ScoreBand] = ReportingDimension.ScoreBand;
        var dimensionCase = string.Join("\n            ", columns.Select(c => $"WHEN grouping({c}) = 0 THEN '{labels[c]}'"));
        var member = $"coalesce({string.Join(", ", columns)}, '{ReportingDimension.AllMembers}')";
        var sets = string.Join(", ", new[] { "(period_end)" }.Concat(columns.Select(c => $"(period_end, {c})")));
        var customerColumns = string.Join(", ", ReportingDimension.CustomerColumns.Select(c => $"coalesce(k.{c}, '{ReportingDimension.Unassigned}') AS {c}"));
        var categoryColumn = kpi.CategoryDimension is null ? "" : $", coalesce(e.category, '{ReportingDimension.Unassigned}') AS category";
        return $"""
            INSERT /* kpi {kpi.Id} */ INTO kpi_values
            WITH parts AS (
            {Trim(kpiSql)}
            ),
            eligible AS (
                SELECT p.*, m.month_index AS _month_index FROM parts p
                JOIN int_month_ends m ON m.month_end = p.period_end
                WHERE m.month_index >= {kpi.MinHistoryMonths - 1}{months}
            ),
            cells AS (
                -- a customer missing from the master data is in no cell (0): every member 'Unassigned', band 'Unscored'
                SELECT e.period_end, coalesce(cc.cell, 0) AS cell{(kpi.CategoryDimension is null ? "" : ", e.category")},
                       kpi_score_band(cc.score_bands, e._month_index) AS band_letter,
                       sum(e.numerator) AS numerator, sum(e.denominator) AS denominator
                FROM eligible e LEFT JOIN _kpi_customer_cells cc USING (customer_id)
                GROUP BY ALL
            ),
            joined AS (
                SELECT e.period_end, e.numerator, e.denominator, {customerColumns}{categoryColumn},
                       CASE e.band_letter WHEN 'U' THEN '{ReportingDimension.Unscored}' ELSE e.band_letter END AS score_band
                FROM cells e LEFT JOIN _kpi_cells k USING (cell)
            ),
            rolled AS (
                SELECT period_end,
                       CASE {dimensionCase}
                            ELSE '{ReportingDimension.Company}' END AS dimension,
                       {member} AS member,
                       sum(numerator)::DECIMAL(38,6) AS numerator,
                       sum(denominator)::DECIMAL(38,6) AS denominator
                FROM joined
                GROUP BY GROUPING SETS ({sets})
            )
            {ValueSelect(kpi, "rolled")}
            """;
    }

    /// <summary>
    /// A KPI whose SQL computes each member itself, every dimension at once: its rows are (period_end, dimension, member,
    /// numerator, denominator), the members read from _kpi_member_cells.
    /// </summary>
    internal static string PerGroupSql(KpiDefinition kpi, string kpiSql, string months = "") => $"""
        INSERT /* kpi {kpi.Id} */ INTO kpi_values
        WITH parts AS (
        {Trim(kpiSql)}
        ),
        eligible AS (
            SELECT p.period_end, p.dimension, p.member,
                   p.numerator::DECIMAL(38,6) AS numerator, p.denominator::DECIMAL(38,6) AS denominator
            FROM parts p
            JOIN int_month_ends m ON m.month_end = p.period_end
            WHERE m.month_index >= {kpi.MinHistoryMonths - 1}{months}
        )
        {ValueSelect(kpi, "eligible")}
        """;

    private static string ValueSelect(KpiDefinition kpi, string from)
    {
        var scale = kpi.Scale.ToString(CultureInfo.InvariantCulture);
        return kpi.Kind == KpiKind.Sum
            ? $"""
              SELECT '{kpi.Id}', period_end, dimension, member, numerator, NULL, round(numerator * {scale}, 6), NULL, now()::TIMESTAMP
              FROM {from}
              """
            : $"""
              SELECT '{kpi.Id}', period_end, dimension, member, numerator, denominator,
                     CASE WHEN denominator <> 0 THEN round(numerator / denominator * {scale}, 6) END,
                     CASE WHEN denominator = 0 OR denominator IS NULL THEN '{NothingToMeasure}' END,
                     now()::TIMESTAMP
              FROM {from}
              """;
    }

    /// <summary>The one reason a ratio has no value in a month: nothing in its denominator.</summary>
    internal const string NothingToMeasure = "not available: nothing to measure for this month and member (denominator 0)";

    /// <summary>
    /// Dimension members (every value the customers carry) in eligible months with no row: a member with nothing open,
    /// nothing collected, is 0 for a sum, the same as a member whose items add up to 0, and "nothing to measure" for a
    /// ratio, the same as a member whose denominator is 0. Without this a member with no open AR had no row at all in one
    /// month and 0 in another.
    /// </summary>
    internal static string MemberGapSql(IReadOnlyList<KpiDefinition> kpis, string months = "")
    {
        var members = string.Join("\n        UNION ALL ", ReportingDimension.CustomerColumns.Select(c =>
            $"SELECT DISTINCT '{ReportingDimension.Label(c)}' AS dimension, coalesce({c}, 'Unassigned') AS member FROM stg_customers")
            .Append($"SELECT '{ReportingDimension.ScoreBand}', unnest([{string.Join(", ", ReportingDimension.ScoreBandMembers.Select(m => $"'{m}'"))}])"));
        // One statement for every KPI: a statement per KPI cost a third of a small refresh.
        var catalogue = string.Join(", ", kpis.Select(k =>
            $"('{k.Id}', {(k.Kind == KpiKind.Sum ? "true" : "false")}, {k.MinHistoryMonths - 1}, {(k.Kind == KpiKind.PerGroup ? "true" : "false")})"));
        return $"""
            INSERT /* kpi members */ INTO kpi_values
            WITH members AS (
                {members}
            ),
            kpis(kpi_id, is_sum, first_month_index, per_group) AS (VALUES {catalogue}),
            wanted AS (
                SELECT k.kpi_id, k.is_sum, m.month_end, d.dimension, d.member
                FROM kpis k JOIN int_month_ends m ON m.month_index >= k.first_month_index{months} CROSS JOIN members d
                -- a KPI computed per member as a whole is not cut by score band (ReportingDimension.ScoreBand)
                WHERE NOT (k.per_group AND d.dimension = '{ReportingDimension.ScoreBand}')
            )
            SELECT w.kpi_id, w.month_end, w.dimension, w.member,
                   0, CASE WHEN w.is_sum THEN NULL ELSE 0 END, CASE WHEN w.is_sum THEN 0 END,
                   CASE WHEN NOT w.is_sum THEN '{NothingToMeasure}' END, now()::TIMESTAMP
            FROM wanted w
            WHERE NOT EXISTS (SELECT 1 FROM kpi_values v WHERE v.kpi_id = w.kpi_id AND v.period_end = w.month_end
                                AND v.dimension = w.dimension AND v.member = w.member)
            """;
    }

    /// <summary>Company rows for months the KPI has no value for, with the reason (or the given one for every month).</summary>
    internal static string NotAvailableSql(KpiDefinition kpi, string? reason, string months = "")
    {
        var note = reason is not null
            ? $"'{reason.Replace("'", "''")}'"
            : kpi.Kind == KpiKind.Sum
                // A sum over nothing is 0 (no open AR, no cash collected), the same as a month whose items add up to 0.
                ? $"CASE WHEN m.month_index < {kpi.MinHistoryMonths - 1} THEN 'not available: needs {kpi.MinHistoryMonths} months of history' END"
                : $"""
                  CASE WHEN m.month_index < {kpi.MinHistoryMonths - 1} THEN 'not available: needs {kpi.MinHistoryMonths} months of history'
                       ELSE '{NothingToMeasure}' END
                  """;
        var zero = reason is null && kpi.Kind == KpiKind.Sum ? $"CASE WHEN m.month_index >= {kpi.MinHistoryMonths - 1} THEN 0 END" : "NULL";
        return $"""
            INSERT /* kpi {kpi.Id} */ INTO kpi_values
            SELECT '{kpi.Id}', m.month_end, '{ReportingDimension.Company}', '{ReportingDimension.AllMembers}', {zero}, NULL, {zero},
                   {note}, now()::TIMESTAMP
            FROM int_month_ends m
            WHERE true{months} AND NOT EXISTS (SELECT 1 FROM kpi_values v
                              WHERE v.kpi_id = '{kpi.Id}' AND v.period_end = m.month_end AND v.dimension = '{ReportingDimension.Company}')
            """;
    }

    private static string Trim(string sql) => sql.Trim().TrimEnd(';');
}
