using O2C.Analytics.Storage;
using DuckDB.NET.Data;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Load;

/// <summary>
/// Reads one scanned canonical CSV file into its entity table inside the caller's transaction. The file is read twice
/// by DuckDB's read_csv, never copied as text: once for the suspect rows (any field failing its check, each problem
/// then named in rejects with its line), once straight into the table, typed, without them. Row rules and minor units
/// then run over the rows just written, and the few they reject go back out. CanonicalRebuild then decides, over the
/// table and its kept-out rows at once, what depends on other rows (keys, references, set rules). Nothing here loops
/// over rows in C#.
/// </summary>
internal sealed class CanonicalFileLoader(Warehouse warehouse, long loadId, FieldChecks.DateWindow dates, FactChanges changes, RebuildScope scope)
{
    private string fileName = "";
    private string entity = "";

    /// <summary>
    /// Suspect rows of every file of a load go into one table per entity, each file's under its own number, read back
    /// through a view of that number. DuckDB keeps every table written inside a transaction until the commit (at least
    /// a block per column): a table per file grew a 2,000-file load to 2.2 GB; appending keeps memory in proportion
    /// to the data.
    /// </summary>
    private int fileNumber;

    private readonly HashSet<string> tablesMade = new(StringComparer.Ordinal);

    /// <summary>Reads the file; returns how many of its previous version's rows were in the entity table.</summary>
    public long Load(CsvFileScan scan, EntityLayout layout, bool replacing)
    {
        var file = fileName = scan.FileName;
        entity = layout.Entity;
        fileNumber++;
        var table = Ident(layout.Entity);

        // A changed file replaces all rows its previous version brought, and their rejects. (A file new to the ledger
        // has none; its name is cleared all the same, so no row can ever stand for the same file and line twice.)
        changes.Note(layout, $"FROM {table} WHERE source_file = {Literal(file)}");
        scope.NoteFileRows(layout, file);
        var deleted = warehouse.Execute($"DELETE FROM {table} WHERE source_file = $file", ("file", file));
        var removed = replacing ? deleted : 0;
        warehouse.Execute($"DELETE FROM kept_out.{table} WHERE source_file = $file", ("file", file));
        warehouse.Execute("DELETE FROM rejects WHERE file_name = $file", ("file", file));

        // This file's rejects go straight to the rejects table; _rej is the view of them the checks read.
        warehouse.Execute($"""
            CREATE OR REPLACE TEMP VIEW _rej AS
            SELECT line_number, column_name, raw_value, reason_code, reason FROM rejects WHERE load_id = {loadId} AND file_name = {Literal(file)}
            """);
        // One statement per call: the SQL trace (O2C_TRACE_SQL=1) then times each step.
        var parsed = $"({ReadRawSql(scan, layout)})";
        RejectMalformed(scan);
        var suspect = Scratch("suspect", layout, FieldChecks.SuspectRows(layout, parsed, dates));
        Reject(FieldChecks.RejectsQuery(layout, suspect, dates));

        // The rows whose fields all passed (every suspect row has a reject), typed, into the table in file order.
        var columns = string.Join(", ", layout.Columns.Select(c => Ident(c.Name)));
        warehouse.Execute($"""
            INSERT INTO {table} ({columns}, source_file, source_line, load_id)
            SELECT {FieldChecks.TypedProjection(layout)}, $file, _line, $load
            FROM {parsed} r WHERE NOT EXISTS (SELECT 1 FROM {suspect} s WHERE s._line = r._line)
            """, ("file", file), ("load", loadId));
        changes.Note(layout, $"FROM {table} WHERE load_id = {loadId} AND source_file = {Literal(file)}");

        // Rules over each row's typed values, run on the rows just written (the newest load's, so DuckDB's zone maps
        // skip the rest of the table); what they reject goes back out.
        var written = $"(SELECT source_line AS _line, * FROM {table} WHERE load_id = {loadId} AND source_file = {Literal(file)})";
        var ruleRejects = 0L;
        foreach (var rule in layout.Rules.Concat(MinorUnitRules(layout)))
            ruleRejects += Reject($"""
                SELECT _line, {Literal(rule.Column)}, CAST({Ident(rule.Column)} AS VARCHAR), {Literal(rule.ReasonCode)}, {Literal(rule.Reason)}
                FROM {written} AS _typed WHERE {rule.BadWhen}
                """);
        if (ruleRejects > 0)
            warehouse.Execute($"""
                DELETE FROM {table} t WHERE load_id = $load AND source_file = $file
                  AND EXISTS (SELECT 1 FROM _rej WHERE _rej.line_number = t.source_line)
                """, ("file", file), ("load", loadId));
        return removed;
    }

    /// <summary>A step's rows for this file, appended to the step's table and read back through a view of this file's.</summary>
    private string Scratch(string step, EntityLayout layout, string sql)
    {
        var table = $"_t_{step}_{layout.Entity}";
        if (tablesMade.Add(table)) warehouse.Execute($"CREATE TEMP TABLE {table} AS SELECT 0 AS _file_no, * FROM ({sql}) LIMIT 0");
        warehouse.Execute($"INSERT INTO {table} SELECT {fileNumber}, * FROM ({sql})");
        var view = "_v" + table[2..];
        warehouse.Execute($"CREATE OR REPLACE TEMP VIEW {view} AS SELECT * EXCLUDE (_file_no) FROM {table} WHERE _file_no = {fileNumber}");
        return view;
    }

    /// <summary>Rejects of this file: <paramref name="select"/> yields line, column, raw value, reason code, reason.</summary>
    private long Reject(string select, params (string Name, object? Value)[] parameters) =>
        warehouse.Execute($"""
            INSERT INTO rejects (load_id, file_name, entity, line_number, column_name, raw_value, reason_code, reason, checked_against)
            SELECT {loadId}, {Literal(fileName)}, {Literal(entity)}, *, 'file' FROM ({select})
            """, parameters);

    private static string ReadRawSql(CsvFileScan scan, EntityLayout layout)
    {
        // The scan wrote only well-formed records, each with its physical line, so DuckDB reads a regular file. Every
        // column as text: typing is ours to check, so a bad value becomes a reject, not a failed read. Columns the
        // file leaves out are empty; columns the layout lacks are not read on.
        var columns = string.Join(", ", new[] { $"{Literal(CsvFileScan.LineColumn)}: 'BIGINT'" }
            .Concat(scan.Header.Select((h, i) => $"{Literal(ColumnName(h, i))}: 'VARCHAR'")));
        // A source column called _line is not a layout column: read under another name, it cannot clash with ours.
        var projection = string.Join(", ", new[] { "_line" }.Concat(layout.Columns.Select(c =>
            scan.Header.Contains(c.Name) ? Ident(c.Name) : $"CAST(NULL AS VARCHAR) AS {Ident(c.Name)}")));
        return $"""
            SELECT {projection}
            FROM read_csv({Literal(scan.Path)}, header = true, delim = ',', quote = '"', escape = '"', new_line = '\n', auto_detect = false,
                          strict_mode = true, columns = {"{"}{columns}{"}"}, max_line_size = {CsvFileScan.MaxRecordBytes + 32})
            """;
    }

    /// <summary>Records the scan found malformed: rejected with their line, text and reason.</summary>
    private void RejectMalformed(CsvFileScan scan)
    {
        foreach (var m in scan.Malformed)
            Reject("SELECT $line, NULL, $text, 'malformed_row', $reason", ("line", m.Line), ("text", m.Text), ("reason", m.Reason));
    }

    /// <summary>Drops the scratch views and tables, at the end of the load.</summary>
    public void DropScratch()
    {
        warehouse.Execute("DROP VIEW IF EXISTS _rej");
        // Views first: each reads its table (_t_step_entity is read through _v_step_entity).
        foreach (var table in tablesMade) warehouse.Execute($"DROP VIEW IF EXISTS _v{table[2..]}");
        foreach (var table in tablesMade) warehouse.Execute($"DROP TABLE IF EXISTS {table}");
        tablesMade.Clear();
    }

    /// <summary>
    /// An amount with more decimals than its currency uses (USD 1.005, JPY 1.5) is rejected: amounts keep their
    /// currency's minor units (ISO 4217, the currencies table), never rounded on the way in. For layouts whose rows
    /// carry their currency; applications and write-offs are checked against their receipt's or document's currency.
    /// </summary>
    private static IEnumerable<RowRule> MinorUnitRules(EntityLayout layout) =>
        layout.Column("currency_code") is null ? [] : layout.Columns.Where(c => c.Kind == FieldType.Money).Select(c => new RowRule(c.Name,
            MinorUnits.Exceeded(Ident(c.Name), "(SELECT minor_units FROM currencies m WHERE m.currency_code = _typed.currency_code)"),
            "too_many_decimals", $"{c.Name} has more decimals than its currency uses (ISO 4217: JPY 0, USD 2, KWD 3)"));

    private static string ColumnName(string header, int index) =>
        header.Length == 0 || header.Equals(CsvFileScan.LineColumn, StringComparison.OrdinalIgnoreCase) ? $"column{index + 1}" : header;
}
