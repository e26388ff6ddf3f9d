using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Sources;

namespace O2C.Analytics.Extract;

/// <summary>
/// Every bank statement file of a sources configuration, parsed (or refused with its one-line reason) before the
/// warehouse is opened: a hostile or broken statement costs its parse time, never time holding the warehouse's lock
/// that analysts and other jobs wait on. The extract then stages what was read here, so what was checked is what loads.
/// </summary>
public sealed class BankFilesRead
{
    private readonly Dictionary<string, (BankStatementFile? File, BankFormatException? Refused)> byPath = new(StringComparer.Ordinal);

    public static BankFilesRead Read(SourcesConfig config, IProgress<string>? progress = null)
    {
        var read = new BankFilesRead();
        foreach (var source in config.Sources.Where(s => s.Kind is SourceKind.Bai2 or SourceKind.Camt053 or SourceKind.Mt940))
            foreach (var path in source.Files())
            {
                progress?.Report($"{source.Name}: reading {Path.GetFileName(path)}");
                read.byPath[Key(source, path)] = Parse(source.Kind, path);
            }
        return read;
    }

    /// <summary>The statement file as read before; a file that appeared since is read now.</summary>
    internal BankStatementFile Get(SourceDefinition source, string path)
    {
        var (file, refused) = byPath.TryGetValue(Key(source, path), out var read) ? read : Parse(source.Kind, path);
        return file ?? throw refused!;
    }

    private static (BankStatementFile?, BankFormatException?) Parse(SourceKind kind, string path)
    {
        try
        {
            return (BankStatementReader.Read(kind, path), null);
        }
        catch (BankFormatException e)
        {
            return (null, e);
        }
    }

    private static string Key(SourceDefinition source, string path) => source.Name + "\n" + Path.GetFullPath(path);
}
