using System.Text;

namespace O2C.Analytics.Tests.Support;

/// <summary>The full contents of every table of a warehouse as text, for "nothing changed" comparisons.</summary>
public static class WarehouseContents
{
    public static IReadOnlyDictionary<string, string> Capture(O2C.Analytics.Storage.Warehouse warehouse)
    {
        // The loader's kept-out rows (schema kept_out) are part of what a failed load must leave as it was.
        var tables = warehouse.Query("""
            SELECT CASE WHEN table_schema = 'main' THEN '"' || table_name || '"' ELSE table_schema || '."' || table_name || '"' END
            FROM information_schema.tables
            WHERE table_schema IN ('main', 'kept_out') AND table_type = 'BASE TABLE' ORDER BY 1
            """, r => r.GetString(0));
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var text = new StringBuilder();
            foreach (var row in warehouse.Query($"SELECT * FROM {table} ORDER BY ALL", r =>
                     {
                         var values = new object[r.FieldCount];
                         r.GetValues(values);
                         return string.Join("|", values.Select(v => v is DBNull ? "<null>" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
                     }))
                text.AppendLine(row);
            contents[table] = text.ToString();
        }
        return contents;
    }
}
