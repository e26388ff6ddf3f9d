using System.Text.RegularExpressions;

namespace O2C.Analytics.SqlModels;

/// <summary>One SQL model file: a SELECT named after the table or view it produces.</summary>
public sealed record SqlModel(string Name, string Layer, string Sql, SqlFileHeader Header)
{
    public bool IsTable => Header.IsTable;

    private static readonly string[] Layers = ["staging", "intermediate", "marts"];

    public static IReadOnlyList<SqlModel> ReadAll(string modelsFolder)
    {
        var models = new List<SqlModel>();
        foreach (var layer in Layers)
        {
            var folder = Path.Combine(modelsFolder, layer);
            if (!Directory.Exists(folder)) continue;
            foreach (var path in Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal))
            {
                var sql = File.ReadAllText(path);
                models.Add(new SqlModel(Path.GetFileNameWithoutExtension(path), layer, sql, SqlFileHeader.Parse(sql)));
            }
        }
        return models;
    }

    /// <summary>Other models this one reads, found by name in its SQL.</summary>
    public IEnumerable<string> DependsOn(IEnumerable<SqlModel> all) =>
        all.Where(m => m.Name != Name && Regex.IsMatch(Sql, $@"\b{Regex.Escape(m.Name)}\b")).Select(m => m.Name);
}
