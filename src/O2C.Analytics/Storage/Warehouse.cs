using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace O2C.Analytics.Storage;

/// <summary>
/// The DuckDB file that holds every O2C fact, model and KPI. A thin layer over ADO.NET:
/// SQL stays SQL, parameters are named ($name).
/// </summary>
public sealed class Warehouse : IDisposable
{
    private readonly DuckDBConnection _connection;

    private Warehouse(DuckDBConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    public DuckDBConnection Connection => _connection;

    public static Warehouse Open(string path, bool readOnly = false)
    {
        var full = path == ":memory:" ? path : System.IO.Path.GetFullPath(path);
        if (full != ":memory:")
        {
            var folder = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var connectionString = readOnly ? $"Data Source={full};ACCESS_MODE=READ_ONLY" : $"Data Source={full}";
        var connection = new DuckDBConnection(connectionString);
        connection.Open();
        var warehouse = new Warehouse(connection, full);
        // DuckDB would take up to 80 % of RAM; bounded, large loads spill to the temp directory instead (MemoryLimit).
        warehouse.Execute($"SET memory_limit = '{MemoryLimit()}'");
        if (full != ":memory:" && !readOnly)
            warehouse.Execute($"SET temp_directory = '{(full + ".tmp").Replace("'", "''")}'");
        // A table made earlier in the same transaction (a refresh builds its models and KPIs in one) has no statistics
        // yet, so DuckDB guesses it small and joins it ASOF by nested loop: 7.2 s instead of 0.37 s for the 1M
        // invoices' rate-of-date join. Always the sort-based ASOF join.
        warehouse.Execute("SET asof_loop_join_threshold = 0");
        // DuckDB 1.5.6 loses rows with insertion order kept: in one transaction, an INSERT that reads an empty table and
        // then an INSERT of more than a row group (122,880 rows) into the same table leave the second insert's rows
        // out, also after the commit (a load of four copies of a receipts file kept every duplicate: its 333,360
        // duplicate-key rejects went missing). The order-preserving batch insert is the operator at fault; without
        // it DuckDB appends in parallel. Nothing here relies on storage order: every line number is a column, every
        // result that is shown or compared is ordered. WarehouseInsertTests holds the engine to it.
        warehouse.Execute("SET preserve_insertion_order = false");
        return warehouse;
    }

    /// <summary>
    /// The file is held by another process: DuckDB lets one process write a file while no other has it open. A
    /// reader waits, a scheduled job retries.
    /// </summary>
    public static bool IsLockConflict(Exception e) =>
        e is DuckDBException d && d.Message.Contains("Could not set lock", StringComparison.Ordinal);

    /// <summary>
    /// DuckDB's memory limit: O2C_MEMORY_LIMIT (a DuckDB size such as 6GB or 4096MiB) when set, else
    /// <see cref="DefaultMemoryLimit"/> of the memory this process may use (the machine's, or the container's limit).
    /// </summary>
    public static string MemoryLimit()
    {
        var configured = Environment.GetEnvironmentVariable("O2C_MEMORY_LIMIT");
        if (string.IsNullOrWhiteSpace(configured)) return DefaultMemoryLimit(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (!System.Text.RegularExpressions.Regex.IsMatch(configured.Trim(), @"^\d+(\.\d+)?\s*[KMGT]i?B$"))
            throw new ArgumentException($"O2C_MEMORY_LIMIT '{configured}' is not a size DuckDB reads (e.g. 4GB, 6GiB, 512MB)");
        return configured.Trim();
    }

    /// <summary>
    /// A sixth of the memory available, between 512 MiB and 4 GiB: DuckDB's share, leaving the rest to the .NET heap
    /// (model training and scoring hold up to 2 GiB at 10 million invoices) and the machine. At 10 million invoices a
    /// 4 GiB bound kept the whole process under 6 GiB (docs/performance.md).
    /// </summary>
    public static string DefaultMemoryLimit(long availableBytes) =>
        $"{Math.Clamp(availableBytes / 6 / (1024 * 1024), 512, 4096).ToString(System.Globalization.CultureInfo.InvariantCulture)}MiB";

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        if (!Trace) return command.ExecuteNonQuery();
        Console.Error.WriteLine($"[sql start] {sql.Trim().Split('\n')[0]}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = command.ExecuteNonQuery();
        TraceFinished(clock, sql, $"{rows} rows");
        return rows;
    }

    /// <summary>O2C_TRACE_SQL=1 prints every statement's duration to stderr (for profiling).</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("O2C_TRACE_SQL") == "1";

    /// <summary>A clock for the SQL trace, when it is on.</summary>
    internal static System.Diagnostics.Stopwatch? TraceClock() => Trace ? System.Diagnostics.Stopwatch.StartNew() : null;

    /// <summary>
    /// The statement on one line and cut, so generated statements that share a first line can be told apart; with what
    /// it gave (rows written, the scalar), which is what a wrong load is diagnosed from.
    /// </summary>
    internal static void TraceFinished(System.Diagnostics.Stopwatch? clock, string sql, string? result = null)
    {
        if (clock is null) return;
        var text = System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
        Console.Error.WriteLine($"[sql {clock.ElapsedMilliseconds,6} ms]{(result is null ? "" : $" [{result}]")} {text[..Math.Min(text.Length, 240)]}");
    }

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var clock = TraceClock();
        var value = command.ExecuteScalar();
        TraceFinished(clock, sql, $"= {value}");
        if (value is null || value is DBNull) return default;
        if (value is T typed) return typed;
        return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var clock = TraceClock();
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        TraceFinished(clock, sql);
        return rows;
    }

    private WarehouseTransaction? _open;

    /// <summary>Begins a transaction, or joins the one this connection already has open.</summary>
    public WarehouseTransaction BeginTransaction()
    {
        if (_open is not null) return new WarehouseTransaction(this, null);
        _open = new WarehouseTransaction(this, _connection.BeginTransaction());
        return _open;
    }

    internal void EndTransaction(WarehouseTransaction transaction)
    {
        if (ReferenceEquals(_open, transaction)) _open = null;
    }

    public bool TableExists(string table) =>
        Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = $t AND table_schema = 'main'", ("t", table)) > 0;

    private DuckDBCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return command;
    }

    public void Dispose() => _connection.Dispose();
}
