using O2C.Analytics.Storage;
namespace O2C.Analytics.Analyst;

/// <summary>
/// Publishes a Parquet snapshot of the warehouse for BI tools and distributed engines (Spark, Trino): facts
/// hive-partitioned by month (month=2026-10/...), dimensions as single files. Written beside the target and swapped
/// in when complete, so a reader sees the previous snapshot or the new one, never a half-written one.
/// </summary>
public static class ParquetExport
{
    /// <summary>Dataset name, query, and the partition column (null: one file).</summary>
    public static readonly IReadOnlyList<(string Name, string Sql, string? PartitionBy)> Datasets =
    [
        ("customers", "select * from stg_customers", null),
        ("kpi_catalog", "select * from kpi_catalog", null),
        ("documents", "select *, strftime(document_date, '%Y-%m') as month from stg_documents", "month"),
        ("receipts", "select *, strftime(value_date, '%Y-%m') as month from stg_receipts", "month"),
        ("applications", "select *, strftime(application_date, '%Y-%m') as month from stg_applications", "month"),
        ("open_items", "select *, strftime(month_end, '%Y-%m') as month from v_open_items", "month"),
        ("ar_monthly", "select *, strftime(month_end, '%Y-%m') as month from v_ar_monthly", "month"),
        ("kpi_values", "select *, strftime(period_end, '%Y-%m') as month from v_kpi_values", "month"),
        ("control_chart_signals", "select * from v_control_chart_signals", null),
        ("payment_predictions", "select * from v_payment_predictions", null),
        ("sla_breaches", "select * from v_sla_breaches", "quarter"),
    ];

    public static IReadOnlyList<string> Write(Warehouse warehouse, string folder)
    {
        var target = Path.GetFullPath(folder);
        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var (name, sql, partition) in Datasets)
        {
            var path = Path.Combine(staging, partition is null ? name + ".parquet" : name).Replace("'", "''", StringComparison.Ordinal);
            var options = partition is null ? "FORMAT parquet" : $"FORMAT parquet, PARTITION_BY ({partition})";
            warehouse.Execute($"COPY ({sql}) TO '{path}' ({options})");
        }
        var previous = target.TrimEnd(Path.DirectorySeparatorChar) + ".previous";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(target)) Directory.Move(target, previous);
        Directory.Move(staging, target);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        return Datasets.Select(d => Path.Combine(target, d.PartitionBy is null ? d.Name + ".parquet" : d.Name)).ToList();
    }
}
