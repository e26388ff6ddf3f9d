using O2C.Analytics.Warehouse;

namespace O2C.Analytics.Metrics;

/// <summary>
/// Computes every KPI of the catalogue for every month and dimension member into kpi_values, with numerator
/// and denominator kept so that any set of members recomputes exactly. Months without enough history, or
/// without a denominator, are stored as not available with the reason, never as 0.
/// </summary>
public static class KpiCalculator
{
    public static void Run(Warehouse.Warehouse warehouse, SqlFolder sql, IReadOnlyList<KpiDefinition>? kpis = null, Action<string>? status = null)
    {
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DELETE FROM kpi_values");
        foreach (var kpi in kpis ?? KpiCatalog.All)
        {
            status?.Invoke(kpi.Id);
            warehouse.Execute(RollUpSql(kpi, sql.Read("kpis", kpi.SqlFile)));
            warehouse.Execute(NotAvailableSql(kpi));
        }
        transaction.Commit();
    }

    /// <summary>The KPI's parts summed over every grouping set: the company total and each dimension.</summary>
    internal static string RollUpSql(KpiDefinition kpi, string kpiSql)
    {
        var columns = ReportingDimension.CustomerColumns;
        var dimensionCase = string.Join("\n            ",
            columns.Select(c => $"WHEN grouping({c}) = 0 THEN '{ReportingDimension.Label(c)}'"));
        var member = $"coalesce({string.Join(", ", columns)}, '{ReportingDimension.AllMembers}')";
        var sets = string.Join(", ", new[] { "(period_end)" }.Concat(columns.Select(c => $"(period_end, {c})")));
        var scale = kpi.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"""
            INSERT INTO kpi_values
            WITH parts AS (
            {kpiSql.Trim().TrimEnd(';')}
            ),
            eligible AS (
                SELECT p.* FROM parts p
                JOIN int_month_ends m ON m.month_end = p.period_end
                WHERE m.month_index >= {kpi.MinHistoryMonths - 1}
            ),
            joined AS (
                SELECT e.period_end, e.numerator, e.denominator,
                       {string.Join(", ", columns.Select(c => $"coalesce(c.{c}, 'Unassigned') AS {c}"))}
                FROM eligible e LEFT JOIN stg_customers c USING (customer_id)
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
            SELECT '{kpi.Id}', period_end, dimension, member, numerator, denominator,
                   CASE WHEN denominator <> 0 THEN round(numerator / denominator * {scale}, 6) END,
                   CASE WHEN denominator = 0 THEN 'not available: the denominator is zero for this month and member' END,
                   now()::TIMESTAMP
            FROM rolled
            """;
    }

    /// <summary>Company rows for months the KPI cannot be computed for, with the reason.</summary>
    internal static string NotAvailableSql(KpiDefinition kpi) => $"""
        INSERT INTO kpi_values
        SELECT '{kpi.Id}', m.month_end, '{ReportingDimension.Company}', '{ReportingDimension.AllMembers}', NULL, NULL, NULL,
               CASE WHEN m.month_index < {kpi.MinHistoryMonths - 1}
                    THEN 'not available: needs {kpi.MinHistoryMonths} months of history'
                    ELSE 'not available: no source data for this month' END,
               now()::TIMESTAMP
        FROM int_month_ends m
        WHERE NOT EXISTS (SELECT 1 FROM kpi_values v
                          WHERE v.kpi_id = '{kpi.Id}' AND v.period_end = m.month_end AND v.dimension = '{ReportingDimension.Company}')
        """;
}
