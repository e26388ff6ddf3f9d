using O2C.Analytics.Load;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Bench;

/// <summary>
/// A generated data set cut in two for the benchmark's incremental day: the history (every row whose earliest date is
/// before the last day that has invoices) and the day (the rows from that day on, as a day's extract would bring them:
/// its invoices and credit memos, receipts, applications, disputes, promises, contacts, write-offs and rates). Rows
/// without a date (customers) and the holiday calendar, loaded ahead, are history. Cut by DuckDB, file by file.
/// </summary>
public sealed record HistoryAndDay(string History, string Day, DateOnly LastDay)
{
    public static HistoryAndDay Cut(string data, string into)
    {
        var history = Directory.CreateDirectory(Path.Combine(into, "history")).FullName;
        var day = Directory.CreateDirectory(Path.Combine(into, "day")).FullName;
        using var scratch = Warehouse.Open(":memory:");
        var documents = Path.Combine(data, "documents.csv");
        var lastDay = scratch.Scalar<DateOnly>($"SELECT max(document_date) FROM read_csv('{documents}', header = true) WHERE document_type = 'invoice'");
        foreach (var path in Directory.GetFiles(data, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var layout = CanonicalLayouts.ForFile(Path.GetFileName(path))
                ?? throw new InvalidOperationException($"{Path.GetFileName(path)} is not a canonical file");
            var source = $"read_csv('{path}', header = true, all_varchar = true)";
            var present = scratch.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
            var earliest = (layout.Entity == "holidays" ? null : layout.EarliestDateSql(c => $"CAST({SqlText.Ident(c)} AS DATE)", present)) ?? "NULL::DATE";
            var isDay = $"coalesce({earliest} >= DATE '{lastDay:yyyy-MM-dd}', false)";
            scratch.Execute($"COPY (SELECT * FROM {source} WHERE NOT {isDay}) TO '{Path.Combine(history, name + ".csv")}' (HEADER, DELIMITER ',')");
            if (scratch.Scalar<long>($"SELECT count(*) FROM {source} WHERE {isDay}") > 0)
                scratch.Execute($"COPY (SELECT * FROM {source} WHERE {isDay}) TO '{Path.Combine(day, $"{name}-{lastDay:yyyy-MM-dd}.csv")}' (HEADER, DELIMITER ',')");
        }
        return new HistoryAndDay(history, day, lastDay);
    }
}
