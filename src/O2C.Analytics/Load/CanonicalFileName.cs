namespace O2C.Analytics.Load;

/// <summary>Canonical source files are <c>entity[-suffix].csv</c>, optionally gzip-compressed (<c>.csv.gz</c>).</summary>
public static class CanonicalFileName
{
    public static bool IsCsv(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    public static string Stem(string fileName)
    {
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        if (name.EndsWith(".csv", StringComparison.Ordinal)) name = name[..^4];
        return name;
    }
}
