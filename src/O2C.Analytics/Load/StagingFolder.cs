using System.Diagnostics;

namespace O2C.Analytics.Load;

/// <summary>
/// A private temporary folder for what one process stages (copies of source files being loaded, canonical files an
/// extract made from bank statements: payer names, remittance text). Its name carries the process id, so a later
/// start can tell a folder whose process died (killed mid-load) from one still in use and delete it.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    private const string Prefix = "o2c-staging-";

    private StagingFolder(string path) => Path = path;

    public string Path { get; }

    public static StagingFolder Create() =>
        // CreateTempSubdirectory makes the folder readable by its owner only (0700).
        new(Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-").FullName);

    /// <summary>Deletes staging folders left by processes that no longer run; returns how many.</summary>
    public static int CleanAbandoned()
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            var name = System.IO.Path.GetFileName(folder)[Prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], out var pid) || IsRunning(pid)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one being deleted: not ours to clean.
            }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned at the next start.
        }
    }
}
