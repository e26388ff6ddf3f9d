using O2C.Analytics.Storage;
using System.Data.Common;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace O2C.Analytics.Analyst;

/// <summary>A query's result: column names and rows, as DuckDB returned them.</summary>
/// <param name="Types">DuckDB's type of each column (Decimal, TimestampTz, ...), when known.</param>
/// <param name="Scales">The declared scale of each DECIMAL column (null elsewhere), so 60425999.80 keeps its zero.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows,
    IReadOnlyList<string>? Types = null, IReadOnlyList<int?>? Scales = null)
{
    public string? TypeOf(int column) => Types is { } t && column < t.Count ? t[column] : null;

    public int? ScaleOf(int column) => Scales is { } s && column < s.Count ? s[column] : null;
}

/// <summary>Why `o2c sql` could not run a query, in one line for the analyst.</summary>
public sealed class AnalystSqlException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// Analysts' ad hoc SQL: always on a read-only connection, so a write statement fails and changes nothing. DuckDB
/// lets one process write a file while no other process has it open: when a job holds the warehouse, the open is
/// retried until <c>wait</c> runs out, saying so.
/// </summary>
public static partial class AnalystSql
{
    public const int Busy = ExitCodes.Busy;
    public const int Refused = ExitCodes.Refused;

    public static Warehouse OpenReadOnly(string path, TimeSpan wait, Action<string>? waiting = null)
    {
        if (!File.Exists(path)) throw new AnalystSqlException(Storage.WarehouseSetup.NoWarehouse(path), ExitCodes.Usage);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                return Warehouse.Open(path, readOnly: true);
            }
            catch (DuckDBException e) when (Warehouse.IsLockConflict(e))
            {
                if (DateTime.UtcNow >= deadline)
                    throw new AnalystSqlException($"the warehouse {Path.GetFileName(path)} is being written by another process{Holder(e)} (a scheduled job or a load); try again when it finishes, or pass --wait SECONDS", Busy);
                if (!told) waiting?.Invoke($"the warehouse is being written by another process{Holder(e)}; waiting up to {Math.Ceiling((deadline - DateTime.UtcNow).TotalSeconds)} s");
                told = true;
                Thread.Sleep(250);
            }
        }
    }

    /// <summary>Runs the statements; the result is the last statement's.</summary>
    public static QueryResult Run(Warehouse warehouse, string sql) => RunAll(warehouse, sql)[^1];

    /// <summary>Runs the statements; every statement's result that has columns, in order (at least one).</summary>
    public static IReadOnlyList<QueryResult> RunAll(Warehouse warehouse, string sql)
    {
        // The read-only connection is the guarantee; this names the refusal before DuckDB would report, say, a
        // missing table first. ATTACH, INSTALL and LOAD are refused too: they would reach beyond the warehouse.
        // DuckDB's native library fails without a word on a query with no statement in it.
        if (WithoutComments().Replace(sql, " ").Trim().Trim(';').Trim().Length == 0)
            throw new AnalystSqlException("the query has no SQL statement in it (only comments or blanks): write a query, e.g. o2c sql \"select * from v_kpi_values limit 5\"", ExitCodes.Usage);
        if (WriteStatement().Match(WithoutComments().Replace(sql, " ")) is { Success: true } write)
            throw new AnalystSqlException($"o2c sql is read-only: {Article(write.Groups[1].Value)} {write.Groups[1].Value.ToUpperInvariant()} statement is not allowed; the warehouse was not changed", Refused);
        try
        {
            using var command = warehouse.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var results = new List<QueryResult>();
            do
            {
                var result = Read(reader);
                if (result.Columns.Count > 0) results.Add(result);
            }
            while (reader.NextResult());
            return results.Count > 0 ? results : [new QueryResult([], [])];
        }
        catch (DuckDBException e) when (ReadOnlyRefusal().Match(e.Message) is { Success: true } m)
        {
            throw new AnalystSqlException($"o2c sql is read-only: {Article(m.Groups[1].Value)} {m.Groups[1].Value} statement is not allowed; the warehouse was not changed", Refused);
        }
        catch (DuckDBException e) when (e.Message.Contains("disabled by configuration", StringComparison.Ordinal)
                                        || e.Message.Contains("disabled through configuration", StringComparison.Ordinal))
        {
            throw new AnalystSqlException($"o2c sql reads only the warehouse: files, other databases and extensions are out of reach ({e.Message.Split('\n')[0]})", Refused);
        }
        catch (DuckDBException e)
        {
            throw new AnalystSqlException(WithHints(e.Message), 1);
        }
    }

    /// <summary>
    /// Closes the connection to everything outside the warehouse, with DuckDB's own settings rather than text checks:
    /// no file is read or written (COPY, read_csv, read_text, ATTACH, EXPORT DATABASE, LOAD, INSTALL all fail), except
    /// inside <paramref name="outputFolder"/>, a fresh private folder the tool writes its own output through; then the
    /// configuration is locked, so no statement can turn access back on. Must come before any analyst statement.
    /// </summary>
    public static void LockDown(Warehouse warehouse, string? outputFolder = null)
    {
        if (outputFolder is not null)
            warehouse.Execute($"SET allowed_directories = ['{Path.GetFullPath(outputFolder).TrimEnd('/').Replace("'", "''", StringComparison.Ordinal)}/']");
        warehouse.Execute("SET autoinstall_known_extensions = false");
        warehouse.Execute("SET autoload_known_extensions = false");
        warehouse.Execute("SET enable_external_access = false");
        warehouse.Execute("SET lock_configuration = true");
    }

    /// <summary>
    /// Writes the query's result to a Parquet file with DuckDB's own writer: into the locked connection's one allowed
    /// folder (private and new, so the query can read nothing there), then moved to the checked target.
    /// </summary>
    public static void ToParquet(Warehouse warehouse, string sql, string outputFolder, AnalystOutputFile target)
    {
        var staged = Path.Combine(Path.GetFullPath(outputFolder), "result.parquet");
        Run(warehouse, $"COPY ({sql.Trim().TrimEnd(';')}) TO '{staged.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)");
        target.MoveIntoPlace(staged);
    }

    /// <summary>
    /// DuckDB's message on one line with its hints ("Candidate bindings: ...", "Did you mean ...?", the line and column),
    /// which the first line alone loses; the caret line under the query is dropped.
    /// </summary>
    public static string WithHints(string message) => string.Join("; ", message.Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0 && l.Trim('^', ' ').Length > 0));

    private static QueryResult Read(DbDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToList();
        var scales = new int?[reader.FieldCount];
        if (reader.FieldCount > 0 && reader.GetSchemaTable() is { } schema)
            foreach (System.Data.DataRow column in schema.Rows)
            {
                var ordinal = Convert.ToInt32(column["ColumnOrdinal"], System.Globalization.CultureInfo.InvariantCulture);
                if (column["NumericScale"] is not DBNull and not null && types[ordinal] == "Decimal")
                    scales[ordinal] = Convert.ToInt32(column["NumericScale"], System.Globalization.CultureInfo.InvariantCulture);
            }
        // How each column is read is decided once, not tried and caught per value.
        var readers = Enumerable.Range(0, reader.FieldCount).Select(i => ColumnReader(reader, types[i], i)).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : readers[i]();
            rows.Add(row);
        }
        return new QueryResult(columns, rows, types, scales);
    }

    /// <summary>
    /// How to read a column so every value comes out as DuckDB holds it, where the provider's default would fail: an
    /// interval with months (no TimeSpan holds one) as its parts; a list of numbers (which may hold a NULL) as a list
    /// of nullable numbers.
    /// </summary>
    private static Func<object?> ColumnReader(DbDataReader reader, string type, int i)
    {
        if (type == "Interval") return () => reader.GetFieldValue<DuckDB.NET.Native.DuckDBInterval>(i);
        if (reader.GetFieldType(i) is { IsGenericType: true } list && list.GetGenericTypeDefinition() == typeof(List<>)
            && list.GetGenericArguments()[0] is { IsValueType: true } element && Nullable.GetUnderlyingType(element) is null)
        {
            var nullable = typeof(List<>).MakeGenericType(typeof(Nullable<>).MakeGenericType(element));
            var read = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(nullable);
            return () => read.Invoke(reader, [i]);
        }
        return () => reader.GetValue(i);
    }

    private static string Article(string word) => "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Holder(DuckDBException e) => HolderPid().Match(e.Message) is { Success: true } m ? $" (PID {m.Groups[1].Value})" : "";

    [GeneratedRegex("Cannot execute statement of type \"([A-Z_ ]+)\"")]
    private static partial Regex ReadOnlyRefusal();

    [GeneratedRegex(@"(?:^|;)\s*(drop|delete|insert|update|create|alter|truncate|attach|detach|install|load|import|checkpoint|vacuum|merge|grant|revoke|comment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WriteStatement();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex WithoutComments();

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex HolderPid();
}
