namespace O2C.Analytics.Load;

/// <summary>Quoting for names and literals that go into generated SQL.</summary>
internal static class SqlText
{
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
