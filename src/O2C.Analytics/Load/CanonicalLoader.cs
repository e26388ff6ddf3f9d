using O2C.Analytics.Storage;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Load;

/// <summary>
/// <c>o2c load</c>: loads every canonical CSV file of a folder in one transaction, all files or none.
/// Unchanged files (same name, same SHA-256 as last loaded) are reported and skipped; a changed file
/// replaces the rows its previous version brought. The load ledger records every file's hash and counts.
/// </summary>
public sealed class CanonicalLoader(Warehouse warehouse)
{
    /// <summary>Judge every row of a rebuilt table, not only those the load's change can reach (tests compare the two).</summary>
    internal bool JudgeEveryRow { get; init; }

    /// <summary>A cancelled load (the scheduler shutting down) rolls back: the warehouse stays as it was.</summary>
    public LoadResult LoadFolder(string folder, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(folder)) throw new LoadFailedException($"{folder}: folder not found");
        var paths = Directory.EnumerateFiles(folder).Where(CanonicalFileName.IsCsv).Order(StringComparer.Ordinal).ToList();
        return LoadFiles(folder, paths, progress, cancellation);
    }

    /// <param name="alsoRebuild">Entities to rebuild whether or not a file of theirs changed (the extract's bank returns).</param>
    public LoadResult LoadFiles(string sourceFolder, IReadOnlyList<string> paths, IProgress<string>? progress = null, CancellationToken cancellation = default,
        IReadOnlyCollection<string>? alsoRebuild = null)
    {
        var started = DateTime.UtcNow;
        var notes = new List<string>();
        // Each file is copied here as it is scanned, and the load reads the copy: what is hashed is what is loaded.
        using var staging = StagingFolder.Create();
        // Everything that can make a file unreadable is found before the warehouse is touched. Files are scanned side
        // by side (hashing and splitting are CPU-bound and the warehouse is idle meanwhile); a failure is reported for
        // the first failing file in name order, whichever thread found it first.
        var outcomes = new (CsvFileScan? Scan, EntityLayout? Layout, Exception? Error)[paths.Count];
        var reporting = new Lock();
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation }, i =>
        {
            var path = paths[i];
            if (progress is not null)
                lock (reporting) progress.Report($"reading {Path.GetFileName(path)}");
            try
            {
                var layout = CanonicalLayouts.ForFile(path) ?? throw new SourceFileException(Path.GetFileName(path),
                    $"not a canonical file name; expected one of {string.Join(", ", CanonicalLayouts.All.Select(e => e.Entity))} (optionally followed by -suffix), .csv or .csv.gz");
                outcomes[i] = (CsvFileScan.Read(path, staging.Path), layout, null);
            }
            catch (Exception e) when (e is SourceFileException or IOException)
            {
                outcomes[i] = (null, null, e);
            }
        });
        var scanned = new List<(CsvFileScan Scan, EntityLayout Layout)>();
        for (var i = 0; i < paths.Count; i++)
        {
            var (scan, layout, error) = outcomes[i];
            try
            {
                if (error is not null) throw error;
                CheckHeader(scan!, layout!, notes);
                scanned.Add((scan!, layout!));
            }
            catch (SourceFileException e)
            {
                throw new LoadFailedException($"load failed, nothing was loaded: {e.Message}", e);
            }
            catch (IOException e)
            {
                throw new LoadFailedException($"load failed, nothing was loaded: {Path.GetFileName(paths[i])}: {e.Message}", e);
            }
        }
        var duplicateNames = scanned.GroupBy(s => s.Scan.FileName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicateNames.Count > 0)
            throw new LoadFailedException($"load failed, nothing was loaded: the same file name appears twice: {string.Join(", ", duplicateNames)}");

        var ordered = scanned
            .OrderBy(s => IndexOf(s.Layout))
            .ThenBy(s => s.Scan.FileName, StringComparer.Ordinal)
            .ToList();

        // DuckDB caches every file read_csv reads, at least a block each, until the process ends: with thousands of
        // small files (an extract of daily bank statements) that, not the data, was the memory a load took.
        warehouse.Execute("SET enable_external_file_cache = false");
        using var transaction = warehouse.BeginTransaction();
        try
        {
            var loadId = (warehouse.Scalar<long?>("SELECT max(load_id) FROM loads") ?? 0) + 1;
            var window = PlausibleDates.Read(warehouse);
            var changes = new FactChanges(warehouse);
            var scope = new RebuildScope(warehouse, loadId, JudgeEveryRow);
            scope.Begin();
            var fileLoader = new CanonicalFileLoader(warehouse, loadId,
                new FieldChecks.DateWindow(window.Earliest, window.LatestFrom(DateOnly.FromDateTime(started))), changes, scope);
            var read = new List<(CsvFileScan Scan, EntityLayout Layout, FileLoadStatus Status, long Removed)>();
            foreach (var (scan, layout) in ordered)
            {
                var previousHash = warehouse.Scalar<string>("""
                    SELECT sha256 FROM load_files
                    WHERE file_name = $f AND status <> 'unchanged'
                    ORDER BY load_id DESC LIMIT 1
                    """, ("f", scan.FileName));
                if (previousHash == scan.Sha256)
                {
                    progress?.Report($"{scan.FileName} unchanged");
                    read.Add((scan, layout, FileLoadStatus.Unchanged, 0));
                    continue;
                }
                cancellation.ThrowIfCancellationRequested();
                progress?.Report($"loading {scan.FileName}");
                try
                {
                    var removed = fileLoader.Load(scan, layout, replacing: previousHash is not null);
                    read.Add((scan, layout, previousHash is null ? FileLoadStatus.Loaded : FileLoadStatus.Replaced, removed));
                }
                catch (DuckDB.NET.Data.DuckDBException e)
                {
                    throw new SourceFileException(scan.FileName, FirstLine(e.Message));
                }
            }
            fileLoader.DropScratch();

            var changed = read.Where(r => r.Status != FileLoadStatus.Unchanged).ToList();
            progress?.Report("checking keys and references across files");
            var rebuild = new CanonicalRebuild(warehouse, loadId, changes, scope).Rebuild(
                changed.Select(r => r.Layout.Entity).Concat(alsoRebuild ?? []).ToHashSet(StringComparer.Ordinal),
                changed.Select(r => r.Scan.FileName).ToHashSet(StringComparer.Ordinal));
            var results = read.Select(r => r.Status == FileLoadStatus.Unchanged
                ? new FileLoadResult(r.Scan.FileName, r.Layout.Entity, r.Scan.Sha256, r.Status, 0, 0, 0, 0)
                : Counted(r.Scan, r.Layout, r.Status, r.Removed)).ToList();

            foreach (var r in results)
            {
                var scan = ordered.First(s => s.Scan.FileName == r.FileName).Scan;
                warehouse.Execute("""
                    INSERT INTO load_files VALUES ($load, $file, $entity, $sha, $size, $status, $read, $loaded, $rejected, $removed)
                    """,
                    ("load", loadId), ("file", r.FileName), ("entity", r.Entity), ("sha", r.Sha256), ("size", scan.SizeBytes),
                    ("status", r.Status.ToString().ToLowerInvariant()), ("read", r.RowsRead), ("loaded", r.RowsLoaded),
                    ("rejected", r.RowsRejected), ("removed", r.RowsRemoved));
            }
            warehouse.Execute("""
                INSERT INTO loads VALUES ($load, $started, $finished, $folder, $seen, $changed, $unchanged, $loaded, $rejected)
                """,
                ("load", loadId), ("started", started), ("finished", DateTime.UtcNow), ("folder", Path.GetFullPath(sourceFolder)),
                ("seen", results.Count), ("changed", results.Count(r => r.Status != FileLoadStatus.Unchanged)),
                ("unchanged", results.Count(r => r.Status == FileLoadStatus.Unchanged)),
                ("loaded", results.Sum(r => r.RowsLoaded)), ("rejected", results.Sum(r => r.RowsRejected)));

            var reasons = warehouse.Query("""
                SELECT file_name, reason_code, any_value(reason), count(*), min(line_number)
                FROM rejects WHERE load_id = $load
                GROUP BY file_name, reason_code ORDER BY file_name, count(*) DESC, reason_code
                """, r => new RejectSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)), ("load", loadId));
            var changedFiles = results.Count(r => r.Status != FileLoadStatus.Unchanged);
            new Audit.AuditLog(warehouse).Record(Audit.AuditLog.Load,
                $"load {loadId} from {Path.GetFullPath(sourceFolder)}: {results.Count} file(s), {changedFiles} changed, " +
                $"{results.Sum(r => r.RowsLoaded):N0} rows loaded, {results.Sum(r => r.RowsRejected):N0} rejected" +
                (rebuild.RowsOfUnchangedFilesNowRejected + rebuild.RowsOfUnchangedFilesNowLoaded == 0 ? ""
                    : $"; rows of unchanged files: {rebuild.RowsOfUnchangedFilesNowRejected:N0} now rejected, {rebuild.RowsOfUnchangedFilesNowLoaded:N0} now loaded"),
                new
                {
                    load_id = loadId,
                    files = results.Select(r => new { file = r.FileName, sha256 = r.Sha256, status = r.Status.ToString().ToLowerInvariant(), read = r.RowsRead, loaded = r.RowsLoaded, rejected = r.RowsRejected, removed = r.RowsRemoved }),
                });
            changes.Record($"load {loadId}");
            // The last moment to abandon: after this the load is in.
            cancellation.ThrowIfCancellationRequested();
            transaction.Commit();
            return new LoadResult(loadId, sourceFolder, results, reasons, rebuild.RowsOfUnchangedFilesNowRejected, rebuild.RowsOfUnchangedFilesNowLoaded, notes);
        }
        catch (Exception e) when (e is SourceFileException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            try
            {
                transaction.Rollback();
            }
            catch (DuckDB.NET.Data.DuckDBException)
            {
                // A fatal error (the disk full at commit) has already invalidated the database in this process; nothing
                // was committed, and the file opens at its last committed state.
            }
            // A full disk first, wherever it struck (a file's step names the file, but the file is not at fault).
            var message = WarehouseFailure.IsDiskFull(e) ? WarehouseFailure.Describe(e)
                : e is SourceFileException ? e.Message
                : FirstLine(e.Message);
            throw new LoadFailedException($"load failed, nothing was loaded: {message}", e);
        }
    }

    /// <summary>
    /// A file's rows after the rebuild: in the table or in rejects, every one. Nothing lost, nothing doubled: a
    /// record read that is in neither (or both) abandons the load.
    /// </summary>
    private FileLoadResult Counted(CsvFileScan scan, EntityLayout layout, FileLoadStatus status, long removed)
    {
        var loaded = warehouse.Scalar<long>($"SELECT count(*) FROM {Ident(layout.Entity)} WHERE source_file = $f", ("f", scan.FileName));
        var rejected = warehouse.Scalar<long>("SELECT count(DISTINCT line_number) FROM rejects WHERE file_name = $f", ("f", scan.FileName));
        // A file with no rejects has no row in both (at 10M invoices this scan took 5 s a file, for nothing).
        var both = rejected == 0 ? 0 : warehouse.Scalar<long>($"""
            SELECT count(*) FROM {Ident(layout.Entity)} t
            WHERE t.source_file = $f AND EXISTS (SELECT 1 FROM rejects r WHERE r.file_name = $f AND r.line_number = t.source_line)
            """, ("f", scan.FileName));
        if (loaded + rejected != scan.DataRecords || both > 0)
            throw new InvalidOperationException(
                $"{scan.FileName}: {scan.DataRecords} records read but {loaded} loaded + {rejected} rejected ({both} both); load abandoned.");
        return new FileLoadResult(scan.FileName, layout.Entity, scan.Sha256, status, scan.DataRecords, loaded, rejected, removed);
    }

    private static void CheckHeader(CsvFileScan scan, EntityLayout layout, List<string> notes)
    {
        var missing = layout.RequiredColumns.Select(c => c.Name).Where(c => !scan.Header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new SourceFileException(scan.FileName, $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
        var repeated = scan.Header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
            throw new SourceFileException(scan.FileName, $"column {string.Join(", ", repeated)} appears more than once in the header");
        var extra = scan.Header.Where(h => layout.Column(h) is null).ToList();
        if (extra.Count > 0)
            notes.Add($"{scan.FileName}: column{(extra.Count > 1 ? "s" : "")} {string.Join(", ", extra)} not in the {layout.Entity} layout, ignored");
    }

    private static int IndexOf(EntityLayout layout)
    {
        for (var i = 0; i < CanonicalLayouts.All.Count; i++)
            if (CanonicalLayouts.All[i] == layout) return i;
        return int.MaxValue;
    }
}
