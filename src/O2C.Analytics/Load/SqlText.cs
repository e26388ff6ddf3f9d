namespace O2C.Analytics.Load;

/// <summary>Quoting for names and literals that go into generated SQL, and DuckDB's messages about it.</summary>
internal static class SqlText
{
    /// <summary>An error's first line, for a one-line message (DuckDB's errors go on with the statement and a caret).</summary>
    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
