using O2C.Analytics.Audit;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Privacy;

/// <summary>What one purge removed from one table, and by which rule.</summary>
public sealed record PurgedTable(string Table, long Rows, string Rule);

public sealed record PurgeResult(long PurgeId, DateOnly Before, IReadOnlyList<PurgedTable> Tables)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// <c>o2c purge --before DATE</c>: removes source rows past the retention period (GDPR minimisation and retention)
/// in one transaction, records per table what went (<c>purges</c>) and the command in the audit log. Only what was
/// closed before the date goes (sql/purge/select.sql), so figures from that date on do not change; refresh afterwards.
/// The load ledger keeps the files' hashes, so an unchanged file is not loaded back.
/// </summary>
public sealed class RetentionPurge(Warehouse warehouse, SqlFolder sql)
{
    private static readonly (string Table, string Where, string Rule)[] Steps =
    [
        ("applications", "document_id IN (SELECT document_id FROM _purge_documents) OR receipt_id IN (SELECT receipt_id FROM _purge_receipts)",
            "applications to purged documents or from purged receipts"),
        ("write_offs", "document_id IN (SELECT document_id FROM _purge_documents)", "write-offs of purged documents"),
        ("disputes", "document_id IN (SELECT document_id FROM _purge_documents) OR (resolved_date IS NOT NULL AND resolved_date < $before AND document_id IS NULL)",
            "disputes of purged documents, and customer-level disputes resolved before the date"),
        ("promises_to_pay", "promise_date < $before OR document_id IN (SELECT document_id FROM _purge_documents)",
            "promises made before the date or about purged documents"),
        ("collection_activities", "activity_date < $before OR document_id IN (SELECT document_id FROM _purge_documents)",
            "contact history before the date or about purged documents"),
        ("documents", "document_id IN (SELECT document_id FROM _purge_documents)",
            "billing documents settled before the date, with the credit memos that settled them"),
        ("receipts", "receipt_id IN (SELECT receipt_id FROM _purge_receipts)", "receipts before the date wholly applied to purged documents"),
        ("rejects", "load_id IN (SELECT load_id FROM loads WHERE finished_at < $before)", "rejected rows (raw source values) of loads before the date"),
    ];

    public PurgeResult Purge(DateOnly before)
    {
        var p = ("before", (object?)before);
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DROP TABLE IF EXISTS _purge_documents; DROP TABLE IF EXISTS _purge_receipts");
        foreach (var statement in sql.Read("purge", "select.sql").Split(";\n", StringSplitOptions.RemoveEmptyEntries)
                     .Select(s => s.Trim()).Where(s => s.Length > 0 && !s.Split('\n').All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal))))
            warehouse.Execute(statement, statement.Contains("$before", StringComparison.Ordinal) ? [p] : []);

        var purgeId = (warehouse.Scalar<long?>("SELECT max(purge_id) FROM purges") ?? 0) + 1;
        var tables = new List<PurgedTable>();
        foreach (var (table, where, rule) in Steps)
        {
            var parameters = where.Contains("$before", StringComparison.Ordinal) ? new[] { p } : [];
            if (table == "rejects")
                // A row rejected against the warehouse is kept beside its table (kept_out): it goes with its reject.
                foreach (var layout in Load.CanonicalLayouts.All)
                    warehouse.Execute($"""
                        DELETE FROM kept_out.{layout.Entity} t WHERE EXISTS (
                            SELECT 1 FROM rejects j WHERE j.checked_against = 'warehouse' AND j.file_name = t.source_file
                              AND j.line_number = t.source_line AND j.{where})
                        """, parameters);
            var rows = warehouse.Execute($"DELETE FROM {table} WHERE {where}", parameters);
            // The kept-out rows go too, or the next rebuild of the table would bring them back.
            if (table != "rejects") warehouse.Execute($"DELETE FROM kept_out.{table} WHERE {where}", parameters);
            warehouse.Execute("INSERT INTO purges VALUES ($id, now()::TIMESTAMP, $before, $table, $rows, $rule)",
                ("id", purgeId), p, ("table", table), ("rows", (long)rows), ("rule", rule));
            tables.Add(new PurgedTable(table, rows, rule));
        }
        warehouse.Execute("DROP TABLE _purge_documents; DROP TABLE _purge_receipts");
        // Rows left naming what went are judged again by the next load that rebuilds their tables: all of them (rare).
        foreach (var layout in Load.CanonicalLayouts.All) Load.RebuildScope.Pending(warehouse, layout.Entity, "SELECT NULL::VARCHAR");
        // Facts gone from the start of the history: every month's figures may change, so the next refresh is a full one.
        if (tables.Any(t => t.Table != "rejects" && t.Rows > 0))
        {
            var changes = new FactChanges(warehouse);
            changes.NoteWholeHistory();
            changes.Record($"retention purge {purgeId}");
        }
        var result = new PurgeResult(purgeId, before, tables);
        new AuditLog(warehouse).Record(AuditLog.Purge,
            $"purge {purgeId} of source rows before {before:yyyy-MM-dd}: {result.Rows:N0} rows removed ({string.Join(", ", tables.Where(t => t.Rows > 0).Select(t => $"{t.Table} {t.Rows:N0}"))})",
            new { purge_id = purgeId, before, tables = tables.Select(t => new { table = t.Table, rows = t.Rows }) });
        transaction.Commit();
        return result;
    }
}
