using System.Text.RegularExpressions;

namespace O2C.Analytics.SqlModels;

/// <summary>
/// The contract at the top of a SQL model or view file: <c>-- grain: a, b</c> (the columns one row is unique by),
/// then the meaning in comment lines, and optionally <c>-- materialized: table</c>. The warehouse's table comments and
/// the models section of docs/data-model.md are made from it.
/// </summary>
public sealed record SqlFileHeader(IReadOnlyList<string> Grain, string Meaning, bool IsTable)
{
    private static readonly Regex GrainLine = new(@"^--\s*grain:\s*(.+)$");
    private static readonly Regex MaterializedLine = new(@"^--\s*materialized:\s*(\w+)\s*$");

    public static SqlFileHeader Parse(string sql)
    {
        var grain = new List<string>();
        var meaning = new List<string>();
        var isTable = false;
        foreach (var line in sql.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)))
        {
            if (GrainLine.Match(line) is { Success: true } g) grain.AddRange(g.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            else if (MaterializedLine.Match(line) is { Success: true } m) isTable = m.Groups[1].Value == "table";
            else meaning.Add(line.TrimStart('-').Trim());
        }
        return new SqlFileHeader(grain, string.Join(" ", meaning.Where(l => l.Length > 0)), isTable);
    }

    /// <summary>The table or view comment: the meaning, then what one row is.</summary>
    public string Comment => Grain.Count == 0 ? Meaning : $"{Meaning} One row per {string.Join(", ", Grain)}.";
}
