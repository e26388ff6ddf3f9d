using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Storage;

/// <summary>Runs one of the pack's report queries (sql/reports/*.sql) into a <see cref="ReportTable"/>.</summary>
public static class ReportQuery
{
    public static ReportTable Run(Warehouse warehouse, SqlFolder sql, string file, IReadOnlyList<ReportColumn> columns,
        params (string Name, object? Value)[] parameters)
    {
        var text = sql.Read("reports", file);
        var rows = warehouse.Query(text, r =>
        {
            var values = new object?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var ordinal = r.GetOrdinal(columns[c].Field);
                values[c] = r.IsDBNull(ordinal) ? null : r.GetValue(ordinal);
            }
            return values;
        }, parameters);
        return new ReportTable(columns, rows);
    }
}
