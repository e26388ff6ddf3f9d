using DuckDB.NET.Data;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Load;

/// <summary>
/// Loads one scanned canonical CSV file into its entity table inside the caller's transaction:
/// read_csv into a raw text table, field checks, row rules, duplicate keys, insert, reference and set checks.
/// Bad rows go to <c>rejects</c> with their line; clean rows load. Nothing here loops over rows in C#.
/// </summary>
internal sealed class CanonicalFileLoader(Warehouse.Warehouse warehouse, long loadId, FieldChecks.DateWindow dates)
{
    private string fileName = "";
    private IReadOnlyList<string> layoutColumns = [];

    public FileLoadResult Load(CsvFileScan scan, EntityLayout layout, bool replacing)
    {
        var file = fileName = scan.FileName;
        layoutColumns = layout.Columns.Select(c => c.Name).ToList();
        var p = new[] { ("file", (object?)file), ("load", (object?)loadId) };

        // A changed file replaces all rows its previous version brought.
        var removed = replacing
            ? warehouse.Execute($"DELETE FROM {Ident(layout.Entity)} WHERE source_file = $file", ("file", file))
            : 0;

        DropScratch();
        ReadRaw(scan);
        // One statement per call: the SQL trace (O2C_TRACE_SQL=1) then times each step.
        warehouse.Execute("CREATE TEMP TABLE _rej (line_number BIGINT, column_name VARCHAR, raw_value VARCHAR, reason_code VARCHAR, reason VARCHAR)");
        warehouse.Execute("""
            INSERT INTO _rej
            SELECT b._line, e.column_name, e.csv_line, 'malformed_row', e.error_type || ': ' || e.error_message
            FROM _csv_errors e JOIN _bad_records b ON e.line = b.duckdb_line
            """);
        warehouse.Execute($"CREATE TEMP TABLE _suspect AS {FieldChecks.SuspectRows(layout, "_raw", dates)}");
        warehouse.Execute($"INSERT INTO _rej {FieldChecks.RejectsQuery(layout, "_suspect", dates)}");
        warehouse.Execute("DROP TABLE _suspect");
        warehouse.Execute($"""
            CREATE TEMP TABLE _typed AS
            SELECT _line, {FieldChecks.TypedProjection(layout)}
            FROM _raw WHERE NOT EXISTS (SELECT 1 FROM _rej WHERE _rej.line_number = _raw._line)
            """);

        foreach (var rule in layout.Rules)
            warehouse.Execute($"""
                INSERT INTO _rej
                SELECT _line, {Literal(rule.Column)}, CAST({Ident(rule.Column)} AS VARCHAR), {Literal(rule.ReasonCode)}, {Literal(rule.Reason)}
                FROM _typed WHERE {rule.BadWhen}
                """);
        RejectDuplicateKeys(layout);

        var columns = string.Join(", ", layout.Columns.Select(c => Ident(c.Name)));
        warehouse.Execute($"""
            INSERT INTO {Ident(layout.Entity)} ({columns}, source_file, source_line, load_id)
            SELECT {columns}, $file, _line, $load FROM _typed
            WHERE NOT EXISTS (SELECT 1 FROM _rej WHERE _rej.line_number = _typed._line)
            ORDER BY _line
            """, p);

        foreach (var reference in layout.References)
            TakeBackOut(layout, reference.Name, $"""
                SELECT t.source_line, t.{Ident(reference.Name)}
                FROM {Ident(layout.Entity)} t
                WHERE t.source_file = $file AND t.load_id = $load AND t.{Ident(reference.Name)} IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM {Ident(reference.References!)} k WHERE k.{Ident(KeyOf(reference.References!))} = t.{Ident(reference.Name)})
                """, ReferenceCode(reference), $"{reference.Name} names no known {Singular(reference.References!)}");

        foreach (var rule in layout.SetRules)
            TakeBackOut(layout, rule.Column, rule.BadRowsSql, rule.ReasonCode, rule.Reason);

        warehouse.Execute("""
            INSERT INTO rejects
            SELECT $load, $file, $entity, line_number, column_name, raw_value, reason_code, reason FROM _rej
            """, ("load", loadId), ("file", file), ("entity", layout.Entity));

        var loaded = warehouse.Scalar<long>($"SELECT count(*) FROM {Ident(layout.Entity)} WHERE source_file = $file", ("file", file));
        var rejected = warehouse.Scalar<long>("SELECT count(DISTINCT line_number) FROM _rej");
        DropScratch();

        // Nothing lost, nothing doubled: every record read is either in the table or in rejects.
        if (loaded + rejected != scan.DataRecords)
            throw new InvalidOperationException(
                $"{file}: {scan.DataRecords} records read but {loaded} loaded + {rejected} rejected; load abandoned.");

        return new FileLoadResult(file, layout.Entity, scan.Sha256, replacing ? FileLoadStatus.Replaced : FileLoadStatus.Loaded,
            scan.DataRecords, loaded, rejected, removed);
    }

    private void ReadRaw(CsvFileScan scan)
    {
        // Every column as text: typing is ours to check, so a bad value becomes a reject, not a failed read.
        var columns = string.Join(", ", scan.Header.Select((h, i) => $"{Literal(ColumnName(h, i))}: 'VARCHAR'"));
        warehouse.Execute("CREATE TEMP TABLE _line_offsets (from_record BIGINT, extra_lines BIGINT, blank_lines BIGINT, from_duckdb_line BIGINT)");
        if (scan.LineOffsets.Count > 0)
        {
            using var appender = warehouse.Connection.CreateAppender("_line_offsets");
            foreach (var o in scan.LineOffsets)
                appender.CreateRow().AppendValue(o.FromRecord).AppendValue(o.ExtraLines).AppendValue(o.BlankLines)
                    .AppendValue(o.FromRecord + 1 + o.BlankLines).EndRow();
        }

        // read_csv numbers the rows it parsed; malformed records are skipped into _csv_errors with their
        // record number. Map parsed row k back to its record, then the record to its physical line.
        warehouse.Execute($"""
            CREATE TEMP TABLE _parsed AS
            SELECT row_number() OVER () AS _ordinal, *
            FROM read_csv($path, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
                          columns = {"{"}{columns}{"}"}, store_rejects = true, max_line_size = {CsvFileScan.MaxRecordBytes + 16},
                          rejects_table = '_csv_errors', rejects_scan = '_csv_scans', rejects_limit = 0)
            """, ("path", scan.Path));
        // The common case, a clean file with one line per record: the line is the row number plus the header.
        // Skipping the as-of mapping saves a sort of the whole file (10 s of 32 at 1M invoices).
        if (scan.LineOffsets.Count == 0 && warehouse.Scalar<long>("SELECT count(*) FROM _csv_errors") == 0)
        {
            // A view, not a copy: at 10M invoices a copy of every file as text is gigabytes.
            warehouse.Execute($"""
                CREATE TEMP TABLE _bad_records (duckdb_line BIGINT, record BIGINT, _line BIGINT, good_before BIGINT, skipped BIGINT);
                CREATE TEMP VIEW _raw AS SELECT * EXCLUDE (_ordinal), {MissingColumns(scan)} _ordinal + 1 AS _line FROM _parsed;
                """);
            return;
        }
        warehouse.Execute("""
            CREATE TEMP TABLE _bad_records AS
            WITH located AS (
                -- DuckDB's reject line counts records and blank lines, not line breaks inside quotes.
                SELECT DISTINCT e.line AS duckdb_line, e.line - 1 - coalesce(o.blank_lines, 0) AS record
                FROM _csv_errors e ASOF LEFT JOIN _line_offsets o ON e.line >= o.from_duckdb_line
            )
            SELECT l.duckdb_line, l.record, l.record + 1 + coalesce(o.extra_lines, 0) AS _line,
                   l.record - row_number() OVER (ORDER BY l.record) AS good_before, row_number() OVER (ORDER BY l.record) AS skipped
            FROM located l ASOF LEFT JOIN _line_offsets o ON l.record >= o.from_record;

            CREATE TEMP TABLE _records AS
            WITH records AS (
                SELECT p.*, p._ordinal + coalesce(b.skipped, 0) AS _record
                FROM _parsed p
                ASOF LEFT JOIN (SELECT good_before, max(skipped) AS skipped FROM _bad_records GROUP BY good_before) b
                    ON p._ordinal > b.good_before
            )
            SELECT r.* EXCLUDE (_ordinal, _record), r._record + 1 + coalesce(o.extra_lines, 0) AS _line
            FROM records r ASOF LEFT JOIN _line_offsets o ON r._record >= o.from_record;
            DROP TABLE _parsed;
            """);
        warehouse.Execute($"CREATE TEMP VIEW _raw AS SELECT {MissingColumns(scan)} * FROM _records");
    }

    /// <summary>Optional columns a file leaves out are simply empty: select-list items ending in a comma.</summary>
    private string MissingColumns(CsvFileScan scan) =>
        string.Concat(layoutColumns.Where(c => !scan.Header.Contains(c)).Select(c => $"CAST(NULL AS VARCHAR) AS {Ident(c)}, "));

    private void RejectDuplicateKeys(EntityLayout layout)
    {
        var key = string.Join(", ", layout.Key.Select(Ident));
        var keyText = string.Join(" || '|' || ", layout.Key.Select(k => $"CAST({Ident(k)} AS VARCHAR)"));
        warehouse.Execute($"""
            INSERT INTO _rej
            SELECT _line, {Literal(layout.Key[0])}, {keyText}, 'duplicate_key',
                   'duplicate key: first seen on line ' || first_line || ' of this file'
            FROM (
                SELECT _line, {key}, min(_line) OVER (PARTITION BY {key}) AS first_line
                FROM _typed WHERE NOT EXISTS (SELECT 1 FROM _rej WHERE _rej.line_number = _typed._line)
            ) WHERE _line > first_line;

            INSERT INTO _rej
            SELECT t._line, {Literal(layout.Key[0])}, {string.Join(" || '|' || ", layout.Key.Select(k => $"CAST(t.{Ident(k)} AS VARCHAR)"))}, 'duplicate_key',
                   'duplicate key: already loaded from ' || e.source_file || ' line ' || e.source_line
            FROM _typed t JOIN {Ident(layout.Entity)} e USING ({key})
            WHERE NOT EXISTS (SELECT 1 FROM _rej WHERE _rej.line_number = t._line);
            """);
    }

    private void TakeBackOut(EntityLayout layout, string column, string badRowsSql, string code, string reason)
    {
        warehouse.Execute($"CREATE OR REPLACE TEMP TABLE _bad AS SELECT * FROM ({badRowsSql}) b(line_number, raw_value)",
            ("file", fileName), ("load", loadId));
        warehouse.Execute($"INSERT INTO _rej SELECT line_number, {Literal(column)}, raw_value, {Literal(code)}, {Literal(reason)} FROM _bad");
        warehouse.Execute($"DELETE FROM {Ident(layout.Entity)} WHERE source_file = $file AND load_id = $load AND source_line IN (SELECT line_number FROM _bad)",
            ("file", fileName), ("load", loadId));
    }

    private void DropScratch() => warehouse.Execute("""
        DROP VIEW IF EXISTS _raw; DROP TABLE IF EXISTS _records; DROP TABLE IF EXISTS _parsed; DROP TABLE IF EXISTS _typed; DROP TABLE IF EXISTS _rej;
        DROP TABLE IF EXISTS _bad; DROP TABLE IF EXISTS _bad_records; DROP TABLE IF EXISTS _suspect; DROP TABLE IF EXISTS _line_offsets;
        DROP TABLE IF EXISTS _csv_errors; DROP TABLE IF EXISTS _csv_scans;
        """);

    private static string ColumnName(string header, int index) => header.Length == 0 ? $"column{index + 1}" : header;

    private static string KeyOf(string entity) => CanonicalLayouts.All.Single(e => e.Entity == entity).Key[0];

    private static string Singular(string entity) => entity switch
    {
        "customers" => "customer",
        "documents" => "document",
        "receipts" => "receipt",
        _ => entity,
    };

    private static string ReferenceCode(ColumnSpec reference) => $"unknown_{Singular(reference.References!)}";
}
