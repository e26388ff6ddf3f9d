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
        // DuckDB takes up to 80 % of RAM by default; O2C_MEMORY_LIMIT bounds it (large loads then spill to disk).
        if (MemoryLimit() is { } limit) warehouse.Execute($"SET memory_limit = '{limit}'");
        if (full != ":memory:" && !readOnly)
            warehouse.Execute($"SET temp_directory = '{(full + ".tmp").Replace("'", "''")}'");
        return warehouse;
    }

    /// <summary>
    /// The file is held by another process: DuckDB lets one process write a file while no other has it open. A
    /// reader waits, a scheduled job retries.
    /// </summary>
    public static bool IsLockConflict(Exception e) =>
        e is DuckDBException d && d.Message.Contains("Could not set lock", StringComparison.Ordinal);

    /// <summary>O2C_MEMORY_LIMIT, a DuckDB size such as 6GB; null leaves DuckDB's default.</summary>
    private static string? MemoryLimit()
    {
        var configured = Environment.GetEnvironmentVariable("O2C_MEMORY_LIMIT");
        return configured is { Length: > 0 } && System.Text.RegularExpressions.Regex.IsMatch(configured, @"^\d+(\.\d+)?\s*[KMGT]i?B$")
            ? configured
            : null;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        if (!Trace) return command.ExecuteNonQuery();
        Console.Error.WriteLine($"[sql start] {sql.Trim().Split('\n')[0]}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = command.ExecuteNonQuery();
        Console.Error.WriteLine($"[sql {clock.ElapsedMilliseconds,6} ms] {sql.Trim().Split('\n')[0]}");
        return rows;
    }

    /// <summary>O2C_TRACE_SQL=1 prints every statement's duration to stderr (for profiling).</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("O2C_TRACE_SQL") == "1";

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        if (value is null || value is DBNull) return default;
        if (value is T typed) return typed;
        return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
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
