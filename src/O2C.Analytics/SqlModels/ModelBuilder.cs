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
    /// Builds every model. With <paramref name="monthEndsFrom"/>, an incremental build: a table whose grain starts with
    /// month_end keeps its rows before that date and has the rest computed again (the same SQL, filtered); other tables
    /// are built again whole (they are per document, receipt or day, and cheap beside the month-end snapshots); views
    /// stay, their SQL unchanged (RefreshFingerprint).
    /// </summary>
    public static void Build(Warehouse warehouse, SqlFolder sql, Action<string>? status = null, DateOnly? monthEndsFrom = null)
    {
        var models = Order(SqlModel.ReadAll(sql.File("models")));
        using var transaction = warehouse.BeginTransaction();
        foreach (var model in models)
        {
            status?.Invoke(model.Name);
            // Drop whichever kind exists so a model can change from view to table between versions.
            var existing = warehouse.Scalar<string>(
                "SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $n", ("n", model.Name));
            if (monthEndsFrom is { } from && existing is not null)
            {
                if (!model.IsTable) continue;
                if (IsMonthEndGrained(model))
                {
                    var date = $"DATE '{from:yyyy-MM-dd}'";
                    warehouse.Execute($"DELETE FROM {model.Name} WHERE month_end >= {date}");
                    warehouse.Execute($"INSERT INTO {model.Name} BY NAME SELECT * FROM (\n{model.Sql}\n) WHERE month_end >= {date}");
                    continue;
                }
            }
            if (existing is not null)
                warehouse.Execute($"DROP {(existing == "VIEW" ? "VIEW" : "TABLE")} {model.Name}");
            var kind = model.IsTable ? "TABLE" : "VIEW";
            warehouse.Execute($"CREATE {kind} {model.Name} AS\n{model.Sql}");
        }
        transaction.Commit();
    }

    /// <summary>A table of month-end rows (its grain starts with month_end): what an incremental build recomputes by month.</summary>
    public static bool IsMonthEndGrained(SqlModel model) =>
        model.IsTable && model.Header.Grain.Count > 0 && model.Header.Grain[0] == "month_end";
}
