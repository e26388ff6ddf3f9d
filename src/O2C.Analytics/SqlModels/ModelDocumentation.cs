using System.Text;
using O2C.Analytics.Storage;

namespace O2C.Analytics.SqlModels;

/// <summary>
/// The models section of docs/data-model.md, generated from the models' file headers, so the
/// documentation lists every model with its grain and cannot drift from sql/models (a test compares).
/// </summary>
public static class ModelDocumentation
{
    public const string Heading = "## Models (sql/models, rebuilt by `o2c refresh` and `o2c run`)";

    public static string Section(SqlFolder sql)
    {
        var text = new StringBuilder();
        text.Append(Heading).Append("\n\n");
        text.Append("Generated from each model file's header (`-- grain:` and its meaning) and `sql/catalog/columns.tsv` by\n");
        text.Append("`./o2c refresh --docs docs/data-model.md`; the same text is in the warehouse as table and column comments\n");
        text.Append("(`select * from duckdb_columns()`). staging: one view per loaded table (rename, cast, sign); intermediate:\n");
        text.Append("building blocks; marts: the facts the KPIs, the pack and analysts read.\n");
        foreach (var layer in SqlModel.ReadAll(sql.File("models")).GroupBy(m => m.Layer))
        {
            text.Append("\n### ").Append(layer.Key).Append("\n\n");
            foreach (var model in layer)
            {
                text.Append("- **`").Append(model.Name).Append("`** (").Append(model.IsTable ? "table" : "view")
                    .Append("; one row per ").Append(string.Join(", ", model.Header.Grain)).Append("): ").Append(model.Header.Meaning).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The document with its models section (from the heading to the end) replaced by the generated one.</summary>
    public static string Replace(string document, SqlFolder sql)
    {
        var at = document.IndexOf(Heading, StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"no '{Heading}' heading to replace");
        return document[..at] + Section(sql);
    }
}
