using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Extract.Tabular;
using O2C.Analytics.Load;

namespace O2C.Analytics.Extract;

/// <summary>What one source did in one extract.</summary>
public sealed record SourceReport(string Source, int FilesSeen, int FilesLoaded, int FilesUnchanged, long RowsLoaded, long RowsRejected,
    IReadOnlyList<string> FilesRejected, IReadOnlyList<string> Warnings);

public sealed record ExtractResult(LoadResult? Load, IReadOnlyList<SourceReport> Sources);

/// <summary>
/// <c>o2c extract</c>: maps every configured source's files onto canonical CSV files in a staging folder and loads
/// them all in one transaction through the canonical loader, whose ledger (file name and SHA-256) makes the run
/// incremental: unchanged files load nothing. A statement file that cannot be read, or whose control totals fail
/// (unless the source says warn), is rejected with its message and the other files still load.
/// </summary>
public sealed class SourceExtractor(Warehouse.Warehouse warehouse)
{
    public ExtractResult Run(SourcesConfig config, IProgress<string>? progress = null)
    {
        // Staged bank data holds payer names and remittance text: a private folder, removed at the end, or at the
        // next start if this process is killed.
        using var stagingFolder = StagingFolder.Create();
        var staging = stagingFolder.Path;
        {
            using var scratch = Warehouse.Warehouse.Open(":memory:");
            var stager = new TabularStager(scratch);
            var staged = new Dictionary<string, List<string>>();
            var rejected = new Dictionary<string, List<string>>();
            var warnings = new Dictionary<string, List<string>>();
            var seen = new Dictionary<string, int>();
            foreach (var source in config.Sources)
            {
                var files = source.Files();
                seen[source.Name] = files.Count;
                staged[source.Name] = [];
                rejected[source.Name] = [];
                warnings[source.Name] = [];
                foreach (var file in files)
                {
                    progress?.Report($"{source.Name}: reading {Path.GetFileName(file)}");
                    if (source.Kind is SourceKind.Bai2 or SourceKind.Camt053 or SourceKind.Mt940)
                        StageStatement(source, file, staging, staged[source.Name], rejected[source.Name], warnings[source.Name]);
                    else
                        StageTabular(stager, source, file, staging, staged[source.Name], rejected[source.Name]);
                }
            }
            var all = staged.Values.SelectMany(f => f).ToList();
            var load = all.Count == 0 ? null : new CanonicalLoader(warehouse).LoadFiles(staging, all, progress);
            var reports = config.Sources.Select(s => Report(s.Name, seen[s.Name], staged[s.Name], rejected[s.Name], warnings[s.Name], load)).ToList();
            return new ExtractResult(load, reports);
        }
    }

    private static void StageStatement(SourceDefinition source, string file, string staging, List<string> staged, List<string> rejected, List<string> warnings)
    {
        try
        {
            var statement = BankStatementReader.Read(source.Kind, file);
            if (statement.Problems.Count > 0)
            {
                var message = $"{statement.FileName}: {string.Join("; ", statement.Problems)}";
                if (source.ControlTotals == ControlTotalPolicy.Reject)
                {
                    rejected.Add(message + " (file rejected; set controlTotals to warn to load it anyway)");
                    return;
                }
                warnings.Add(message);
            }
            staged.Add(BankStager.Stage(statement, source.Name, staging));
        }
        catch (BankFormatException e)
        {
            rejected.Add(e.Message);
        }
    }

    /// <summary>
    /// A spreadsheet or CSV export that cannot be read (corrupt zip, expands past the bound, not text, a record past the
    /// line limit, a column its mapping reads missing from its header) is rejected with one line naming it; the other
    /// files still load. Mistakes in the sources file itself (an unknown entity, a mapping with neither column nor
    /// constant) stop the run.
    /// </summary>
    private static void StageTabular(TabularStager stager, SourceDefinition source, string file, string staging, List<string> staged, List<string> rejected)
    {
        try
        {
            staged.AddRange(stager.Stage(source, file, staging));
        }
        catch (UnreadableSourceFileException e)
        {
            rejected.Add(e.Message);
        }
    }

    private static SourceReport Report(string source, int seen, List<string> staged, List<string> rejected, List<string> warnings, LoadResult? load)
    {
        var names = staged.Select(Path.GetFileName).ToHashSet();
        var results = load?.Files.Where(f => names.Contains(f.FileName)).ToList() ?? [];
        // A source file counts as loaded when any canonical file it produced was loaded or replaced.
        var bySourceFile = staged.GroupBy(SourceFileOf).ToList();
        var loaded = bySourceFile.Count(g => results.Any(r => g.Select(Path.GetFileName).Contains(r.FileName) && r.Status != FileLoadStatus.Unchanged));
        return new SourceReport(source, seen, loaded, bySourceFile.Count - loaded, results.Sum(r => r.RowsLoaded), results.Sum(r => r.RowsRejected), rejected, warnings);
    }

    /// <summary>Staged files are entity-source-file.csv: the part after the entity names the source file.</summary>
    private static string SourceFileOf(string staged)
    {
        var name = Path.GetFileNameWithoutExtension(staged);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? name : name[(dash + 1)..];
    }
}
