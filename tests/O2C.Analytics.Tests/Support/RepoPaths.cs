namespace O2C.Analytics.Tests.Support;

/// <summary>Folders of the repository and of ../shared, found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataSamples => Path.Combine(Root, "data-samples");

    public static string DirtySamples => Path.Combine(DataSamples, "dirty");

    /// <summary>../shared beside the clone, or null when this clone has none (tests that need it skip).</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "O2C.Analytics.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("O2C.Analytics.sln not found above the test binaries.");
    }
}
