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
        RejectMalformed(scan);
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
        // The scan wrote only well-formed records, each with its physical line, so DuckDB reads a regular file. Every
        // column as text: typing is ours to check, so a bad value becomes a reject, not a failed read.
        var columns = string.Join(", ", new[] { $"{Literal(CsvFileScan.LineColumn)}: 'BIGINT'" }
            .Concat(scan.Header.Select((h, i) => $"{Literal(ColumnName(h, i))}: 'VARCHAR'")));
        warehouse.Execute($"""
            CREATE TEMP TABLE _parsed AS
            SELECT * FROM read_csv($path, header = true, delim = ',', quote = '"', escape = '"', new_line = '\n', auto_detect = false,
                                   strict_mode = true, columns = {"{"}{columns}{"}"}, max_line_size = {CsvFileScan.MaxRecordBytes + 32})
            """, ("path", scan.Path));
        // A view, not a copy: at 10M invoices a copy of every file as text is gigabytes.
        warehouse.Execute($"CREATE TEMP VIEW _raw AS SELECT {MissingColumns(scan)} * FROM _parsed");
    }

    /// <summary>Records the scan found malformed: rejected with their line, text and reason.</summary>
    private void RejectMalformed(CsvFileScan scan)
    {
        if (scan.Malformed.Count == 0) return;
        using var appender = warehouse.Connection.CreateAppender("_rej");
        foreach (var m in scan.Malformed)
            appender.CreateRow().AppendValue(m.Line).AppendNullValue().AppendValue(m.Text).AppendValue("malformed_row").AppendValue(m.Reason).EndRow();
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
        DROP VIEW IF EXISTS _raw; DROP TABLE IF EXISTS _parsed; DROP TABLE IF EXISTS _typed; DROP TABLE IF EXISTS _rej;
        DROP TABLE IF EXISTS _bad; DROP TABLE IF EXISTS _suspect;
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
