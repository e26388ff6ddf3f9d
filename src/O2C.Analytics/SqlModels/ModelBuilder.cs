using O2C.Analytics.Storage;

namespace O2C.Analytics.SqlModels;

/// <summary>
/// Builds the SQL models (staging, then intermediate, then marts) in dependency order: each becomes a view or,
/// where its file says <c>-- materialized: table</c>, a table. A model never reads from a later layer.
/// </summary>
public static class ModelBuilder
{
    public static IReadOnlyList<SqlModel> Order(IReadOnlyList<SqlModel> models)
    {
        var layerRank = new Dictionary<string, int> { ["staging"] = 0, ["intermediate"] = 1, ["marts"] = 2 };
        var ordered = new List<SqlModel>();
        var state = new Dictionary<string, int>();
        void Visit(SqlModel model, Stack<string> path)
        {
            if (state.GetValueOrDefault(model.Name) == 2) return;
            if (state.GetValueOrDefault(model.Name) == 1)
                throw new InvalidOperationException($"SQL models depend on each other in a cycle: {string.Join(" -> ", path.Reverse())} -> {model.Name}");
            state[model.Name] = 1;
            path.Push(model.Name);
            foreach (var dependency in model.DependsOn(models))
            {
                var target = models.First(m => m.Name == dependency);
                if (layerRank[target.Layer] > layerRank[model.Layer])
                    throw new InvalidOperationException($"Model {model.Name} ({model.Layer}) reads {target.Name} from the later layer {target.Layer}.");
                Visit(target, path);
            }
            path.Pop();
            state[model.Name] = 2;
            ordered.Add(model);
        }
        foreach (var model in models.OrderBy(m => layerRank[m.Layer]).ThenBy(m => m.Name, StringComparer.Ordinal))
            Visit(model, new Stack<string>());
        return ordered;
    }

    /// <summary>
    /// Builds every model. With <paramref name="monthEndsFrom"/>, an incremental build, for facts changed on or after
    /// that date (every date of a changed fact is on or after it):
    /// <list type="bullet">
    /// <item>a table whose grain starts with month_end keeps its rows before that date and has the rest computed again
    /// (the same SQL, filtered), or rolled forward from its rows at the month end before when it has a
    /// sql/refresh/&lt;model&gt;.forward.sql;</item>
    /// <item>a per-key table with a file in sql/refresh (the keys such a change can touch, given <c>$from</c>) has those
    /// keys' rows computed again;</item>
    /// <item>a table with such a file narrows its own scans to those keys with <c>in_refresh(key)</c> (true for every key
    /// in a full build), so the filter reaches the scans: DuckDB does not push one wrapped around windows and
    /// aggregates;</item>
    /// <item>a month-end table may narrow its own scans with <c>month_ends_from()</c>, the first date whose month ends are
    /// computed (0001-01-01 in a full build), reaching back itself for what it reads of earlier months;</item>
    /// <item>other tables are built again whole; views stay, their SQL unchanged (RefreshFingerprint).</item>
    /// </list>
    /// </summary>
    public static void Build(Warehouse warehouse, SqlFolder sql, Action<string>? status = null, DateOnly? monthEndsFrom = null)
    {
        var models = Order(SqlModel.ReadAll(sql.File("models")));
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute($"CREATE OR REPLACE TEMP MACRO month_ends_from() AS DATE '{monthEndsFrom ?? DateOnly.MinValue:yyyy-MM-dd}'");
        foreach (var model in models)
        {
            status?.Invoke(model.Name);
            RefreshEveryKey(warehouse);
            // Drop whichever kind exists so a model can change from view to table between versions.
            var existing = warehouse.Scalar<string>(
                "SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $n", ("n", model.Name));
            if (!model.IsTable && model.Sql.Contains("in_refresh(", StringComparison.Ordinal))
                throw new InvalidOperationException($"Model {model.Name} is a view: in_refresh() is defined only while tables are built.");
            if (!IsMonthEndGrained(model) && model.Sql.Contains("month_ends_from(", StringComparison.Ordinal))
                throw new InvalidOperationException($"Model {model.Name} is not a month-end table: only those are computed from month_ends_from() on.");
            if (monthEndsFrom is { } from && existing is not null)
            {
                if (!model.IsTable) continue;
                var date = $"DATE '{from:yyyy-MM-dd}'";
                var touched = KeysTouchedSql(sql, model);
                if (touched is not null)
                {
                    warehouse.Execute($"CREATE OR REPLACE TEMP TABLE _refresh_keys AS SELECT DISTINCT k AS refresh_key FROM (\n{touched}\n) t(k)", ("from", from));
                    warehouse.Execute("CREATE OR REPLACE TEMP MACRO in_refresh(k) AS k IN (SELECT refresh_key FROM _refresh_keys)");
                }
                if (IsMonthEndGrained(model))
                {
                    var forward = RolledForwardSql(sql, model);
                    if (forward is not null) DefineRolledFrom(warehouse, from);
                    warehouse.Execute($"DELETE FROM {model.Name} WHERE month_end >= {date}");
                    warehouse.Execute($"INSERT INTO {model.Name} BY NAME SELECT * FROM (\n{forward ?? model.Sql}\n) WHERE month_end >= {date} ORDER BY month_end");
                    continue;
                }
                if (touched is not null)
                {
                    var key = model.Header.Grain[0];
                    warehouse.Execute($"DELETE FROM {model.Name} WHERE {key} IN (SELECT refresh_key FROM _refresh_keys)");
                    warehouse.Execute($"INSERT INTO {model.Name} BY NAME SELECT * FROM (\n{model.Sql}\n) WHERE {key} IN (SELECT refresh_key FROM _refresh_keys)");
                    continue;
                }
            }
            if (existing is not null)
                warehouse.Execute($"DROP {(existing == "VIEW" ? "VIEW" : "TABLE")} {model.Name}");
            var kind = model.IsTable ? "TABLE" : "VIEW";
            // A month-end table is stored in month-end order, so a month's rows are read without scanning the others
            // (DuckDB skips row groups by their min and max): the pack's one-month reads of the customers' aging at
            // 10M invoices 340 ms -> 13 ms. An incremental build appends its months at the end, in order too.
            warehouse.Execute(IsMonthEndGrained(model)
                ? $"CREATE TABLE {model.Name} AS SELECT * FROM (\n{model.Sql}\n) ORDER BY month_end"
                : $"CREATE {kind} {model.Name} AS\n{model.Sql}");
        }
        warehouse.Execute("DROP MACRO IF EXISTS in_refresh");
        warehouse.Execute("DROP MACRO IF EXISTS month_ends_from");
        warehouse.Execute("DROP MACRO IF EXISTS rolled_from_month_end");
        warehouse.Execute("DROP TABLE IF EXISTS _refresh_keys");
        transaction.Commit();
    }

    /// <summary>In a full build (and for every model not refreshed by keys), in_refresh() lets every key through.</summary>
    private static void RefreshEveryKey(Warehouse warehouse) =>
        warehouse.Execute("CREATE OR REPLACE TEMP MACRO in_refresh(k) AS true");

    /// <summary>
    /// sql/refresh/&lt;model&gt;.sql, given <c>$from</c>: for a per-key table (one-column grain), the keys whose rows facts
    /// changed on or after that date can touch; for a month-end table (grain month_end and a key), the keys that can
    /// have rows at the month ends from that date on. Null when the model has none: a per-key table is then built again
    /// whole, a month-end table reads every key.
    /// </summary>
    public static string? KeysTouchedSql(SqlFolder sql, SqlModel model)
    {
        var file = sql.File("refresh", model.Name + ".sql");
        if (!File.Exists(file)) return null;
        var keyed = IsMonthEndGrained(model) ? model.Header.Grain.Count == 2 : model.IsTable && model.Header.Grain.Count == 1;
        if (!keyed)
            throw new InvalidOperationException($"{file}: only a table of one key, or of month_end and one key, is refreshed by keys ({model.Name}).");
        return File.ReadAllText(file);
    }

    /// <summary>
    /// sql/refresh/&lt;model&gt;.forward.sql, for a month-end table: its rows at the month ends from month_ends_from() on,
    /// rolled forward from its own rows at rolled_from_month_end() (the month end before, whose rows stay) and what
    /// happened after it, instead of computing every key's history again. Null when the model has none.
    /// </summary>
    public static string? RolledForwardSql(SqlFolder sql, SqlModel model)
    {
        var file = sql.File("refresh", model.Name + ".forward.sql");
        if (!File.Exists(file)) return null;
        if (!IsMonthEndGrained(model))
            throw new InvalidOperationException($"{file}: only a month-end table is rolled forward ({model.Name}).");
        return File.ReadAllText(file);
    }

    /// <summary>
    /// rolled_from_month_end(): the month end before <paramref name="from"/>'s month, whose rows a roll-forward starts
    /// from; 0001-01-01 when it is before the first reporting month end (no rows there: opening balances carry older
    /// dates, so everything counts). A constant, so that scans narrowed by it skip what is older.
    /// </summary>
    private static void DefineRolledFrom(Warehouse warehouse, DateOnly from)
    {
        var before = new DateOnly(from.Year, from.Month, 1).AddDays(-1);
        var first = warehouse.Scalar<DateOnly?>("SELECT min(month_end) FROM int_month_ends");
        var start = first is { } f && f <= before ? before : DateOnly.MinValue;
        warehouse.Execute($"CREATE OR REPLACE TEMP MACRO rolled_from_month_end() AS DATE '{start:yyyy-MM-dd}'");
    }

    /// <summary>A table of month-end rows (its grain starts with month_end): what an incremental build recomputes by month.</summary>
    public static bool IsMonthEndGrained(SqlModel model) =>
        model.IsTable && model.Header.Grain.Count > 0 && model.Header.Grain[0] == "month_end";
}
