namespace O2C.Analytics.Analyst;

/// <summary>
/// The file `o2c sql --out` writes, checked before the query runs: never the warehouse, its WAL or spill folder, any
/// other DuckDB database, nor a file or folder the pipeline owns (data, trained models, published reports, settings).
/// Paths are compared after resolving symbolic links, so a link to the warehouse is the warehouse. The result is
/// written beside the target and renamed over it, so a failed query leaves any earlier file whole.
/// </summary>
public sealed class AnalystOutputFile
{
    private AnalystOutputFile(string path) => FullPath = path;

    public string FullPath { get; }

    /// <param name="protectedFiles">Files the pipeline owns (the warehouse first; its .wal and .tmp are added).</param>
    /// <param name="protectedFolders">Folders whose content the pipeline owns.</param>
    /// <param name="publishedReports">The folder of the published reports: its o2c-* files (packs, SLA reviews) are the pipeline's.</param>
    public static AnalystOutputFile Check(string requested, IEnumerable<string> protectedFiles, IEnumerable<string> protectedFolders, string? publishedReports = null)
    {
        var full = Resolve(Path.GetFullPath(requested));
        var files = new List<string>();
        foreach (var f in protectedFiles)
        {
            var p = Resolve(Path.GetFullPath(f));
            files.AddRange([p, p + ".wal", p + ".tmp"]);
        }
        if (files.Any(f => Same(full, f)) || files.Any(f => Inside(full, f)))
            throw Refusal(requested, "it is a warehouse file");
        if (protectedFolders.Select(f => Resolve(Path.GetFullPath(f))).FirstOrDefault(folder => Inside(full, folder) || Same(full, folder)) is { } owned)
            throw Refusal(requested, $"it is inside {owned}, which the pipeline owns");
        if (publishedReports is not null && Same(Path.GetDirectoryName(full)!, Resolve(Path.GetFullPath(publishedReports)))
            && Path.GetFileName(full).StartsWith("o2c-", StringComparison.Ordinal))
            throw Refusal(requested, "it is a published report");
        if (Directory.Exists(full)) throw Refusal(requested, "it is a folder");
        if (!OperatingSystem.IsWindows() && IsSystemPath(full)) throw Refusal(requested, "it is a device or system file");
        if (File.Exists(full) && IsDuckDbDatabase(full)) throw Refusal(requested, "it is a DuckDB database");
        return new AnalystOutputFile(full);
    }

    /// <summary>Writes through a temporary file beside the target and renames it over the target.</summary>
    public void Write(Action<string> writeTo)
    {
        var folder = Path.GetDirectoryName(FullPath)!;
        Directory.CreateDirectory(folder);
        // The extension stays last: writers such as ClosedXML choose the format by it.
        var partial = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(FullPath)}.{Environment.ProcessId}.partial{Path.GetExtension(FullPath)}");
        try
        {
            writeTo(partial);
            File.Move(partial, FullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    public void MoveIntoPlace(string written) => Write(partial => File.Move(written, partial, overwrite: true));

    private static AnalystSqlException Refusal(string requested, string why) =>
        new($"--out {requested} refused: {why}; choose another file", 2);

    /// <summary>The final target of a path whose file or any parent folder may be a symbolic link.</summary>
    private static string Resolve(string full)
    {
        var existing = full;
        var rest = new Stack<string>();
        while (!File.Exists(existing) && !Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }
        var resolved = RealPath(existing);
        while (rest.Count > 0) resolved = Path.Combine(resolved, rest.Pop());
        return resolved;
    }

    private static string RealPath(string path)
    {
        // Resolve each component, so a link in a parent folder is followed too.
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            current = target is null ? next : RealPath(target.FullName);
        }
        return current;
    }

    private static bool Same(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>Device and kernel folders: renaming a result over /dev/null would replace the device.</summary>
    private static bool IsSystemPath(string path) =>
        new[] { "/dev", "/proc", "/sys" }.Any(folder => Same(path, folder) || Inside(path, folder));

    /// <summary>DuckDB's file header carries "DUCK" at byte 8.</summary>
    private static bool IsDuckDbDatabase(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var header = new byte[12];
            return stream.Read(header, 0, 12) == 12 && header[8] == 'D' && header[9] == 'U' && header[10] == 'C' && header[11] == 'K';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
