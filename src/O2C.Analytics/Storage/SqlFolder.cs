namespace O2C.Analytics.Storage;

/// <summary>
/// Where the project's SQL lives: the copy shipped beside the binaries, or an explicit folder.
/// </summary>
public sealed record SqlFolder(string Root)
{
    public static SqlFolder Default()
    {
        var shipped = System.IO.Path.Combine(AppContext.BaseDirectory, "sql");
        if (Directory.Exists(shipped)) return new SqlFolder(shipped);
        throw new DirectoryNotFoundException($"SQL folder not found beside the program ({shipped}).");
    }

    public string Migrations => System.IO.Path.Combine(Root, "migrations");

    public string File(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public string Read(params string[] parts) => System.IO.File.ReadAllText(File(parts));
}
