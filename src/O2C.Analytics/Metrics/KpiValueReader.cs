namespace O2C.Analytics.Metrics;

/// <summary>Reads computed KPI values back from the warehouse.</summary>
public static class KpiValueReader
{
    public static IReadOnlyList<KpiValue> Read(Warehouse.Warehouse warehouse, string dimension = ReportingDimension.Company, DateOnly? periodEnd = null) =>
        warehouse.Query("""
            SELECT kpi_id, period_end, dimension, member, numerator, denominator, value, note
            FROM kpi_values
            WHERE dimension = $dimension AND ($period IS NULL OR period_end = $period)
            ORDER BY kpi_id, period_end, member
            """,
            r => new KpiValue(
                r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetDecimal(5),
                r.IsDBNull(6) ? null : r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetString(7)),
            ("dimension", dimension), ("period", periodEnd));
}
