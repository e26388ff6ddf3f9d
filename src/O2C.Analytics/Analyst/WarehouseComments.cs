using O2C.Analytics.Load;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Storage;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Analyst;

/// <summary>
/// Table and column comments (COMMENT ON), so an analyst's <c>duckdb_tables()</c>, <c>duckdb_views()</c> and
/// <c>duckdb_columns()</c> explain what they query. One source for each: a model's or view's meaning and grain from
/// its file header, a loaded table's grain and columns from its layout, every other column from
/// sql/catalog/columns.tsv. Written at the end of each refresh, after the models and views were rebuilt.
/// </summary>
public static class WarehouseComments
{
    public static void Apply(Warehouse warehouse, SqlFolder sql)
    {
        var glossary = ColumnGlossary.Read(sql);
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in SqlModel.ReadAll(sql.File("models"))) tables[model.Name] = model.Header.Comment;
        foreach (var name in AnalystViews.Files)
        {
            var header = SqlFileHeader.Parse(sql.Read("views", name + ".sql"));
            if (header.Grain.Count > 0) tables[name] = header.Comment;
        }
        foreach (var layout in CanonicalLayouts.All) tables[layout.Entity] = $"{layout.Grain} Loaded from {layout.Entity}*.csv files.";
        foreach (var (table, meaning) in glossary.Tables) tables.TryAdd(table, meaning);

        var kinds = warehouse.Query("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'",
            r => (r.GetString(0), r.GetString(1))).ToDictionary(t => t.Item1, t => t.Item2, StringComparer.Ordinal);
        foreach (var (table, meaning) in tables)
        {
            if (!kinds.TryGetValue(table, out var kind)) continue;
            var layout = CanonicalLayouts.All.FirstOrDefault(l => l.Entity == table);
            foreach (var column in warehouse.Query("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = $t",
                         r => r.GetString(0), ("t", table)))
            {
                var text = layout?.Column(column)?.Description is { Length: > 0 } described ? described : glossary.Describe(table, column);
                if (text is not null) warehouse.Execute($"COMMENT ON COLUMN {Ident(table)}.{Ident(column)} IS {Literal(text)}");
            }
            warehouse.Execute($"COMMENT ON {(kind == "VIEW" ? "VIEW" : "TABLE")} {Ident(table)} IS {Literal(meaning)}");
        }
    }
}

/// <summary>sql/catalog/columns.tsv: what each column means, by column name or table.column; "table." lines describe a table.</summary>
public sealed class ColumnGlossary
{
    private readonly Dictionary<string, string> entries = new(StringComparer.Ordinal);

    public static ColumnGlossary Read(SqlFolder sql)
    {
        var glossary = new ColumnGlossary();
        foreach (var line in File.ReadLines(sql.File("catalog", "columns.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"sql/catalog/columns.tsv: '{line}' has no tab between key and meaning");
            glossary.entries.Add(line[..tab], line[(tab + 1)..]);
        }
        return glossary;
    }

    public string? Describe(string table, string column) =>
        entries.GetValueOrDefault($"{table}.{column}") ?? entries.GetValueOrDefault(column);

    public IEnumerable<(string Table, string Meaning)> Tables =>
        entries.Where(e => e.Key.EndsWith('.')).Select(e => (e.Key[..^1], e.Value));
}
