using O2C.Analytics.Storage;
namespace O2C.Analytics.Metrics;

/// <summary>Reads computed KPI values back from the warehouse.</summary>
public static class KpiValueReader
{
    private const string Columns = "SELECT kpi_id, period_end, dimension, member, numerator, denominator, value, note FROM kpi_values";

    /// <summary>Every value of every KPI, dimension and member, in series order.</summary>
    public static IReadOnlyList<KpiValue> ReadAll(Warehouse warehouse) =>
        warehouse.Query($"{Columns} ORDER BY kpi_id, dimension, member, period_end", Map);

    public static IReadOnlyList<KpiValue> Read(Warehouse warehouse, string dimension = ReportingDimension.Company, DateOnly? periodEnd = null) =>
        warehouse.Query($"{Columns} WHERE dimension = $dimension AND ($period IS NULL OR period_end = $period) ORDER BY kpi_id, period_end, member",
            Map, ("dimension", dimension), ("period", periodEnd));

    /// <summary>One month's values for every dimension member other than the company.</summary>
    public static IReadOnlyList<KpiValue> ReadMembers(Warehouse warehouse, DateOnly periodEnd) =>
        warehouse.Query($"{Columns} WHERE period_end = $period AND dimension <> '{ReportingDimension.Company}' ORDER BY dimension, member, kpi_id",
            Map, ("period", periodEnd));

    /// <summary>The members a dimension has values for.</summary>
    public static IReadOnlyList<string> Members(Warehouse warehouse, string dimension) =>
        warehouse.Query("SELECT DISTINCT member FROM kpi_values WHERE dimension = $dimension ORDER BY member", r => r.GetString(0), ("dimension", dimension));

    private static KpiValue Map(System.Data.Common.DbDataReader r) => new(
        r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetDecimal(5),
        r.IsDBNull(6) ? null : r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetString(7));
}
