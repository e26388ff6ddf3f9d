using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Load;

/// <summary>
/// <c>o2c load</c>: loads every canonical CSV file of a folder in one transaction, all files or none.
/// Unchanged files (same name, same SHA-256 as last loaded) are reported and skipped; a changed file
/// replaces the rows its previous version brought. The load ledger records every file's hash and counts.
/// </summary>
public sealed class CanonicalLoader(Warehouse.Warehouse warehouse)
{
    /// <summary>A cancelled load (the scheduler shutting down) rolls back: the warehouse stays as it was.</summary>
    public LoadResult LoadFolder(string folder, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(folder)) throw new LoadFailedException($"{folder}: folder not found");
        var paths = Directory.EnumerateFiles(folder).Where(CanonicalFileName.IsCsv).Order(StringComparer.Ordinal).ToList();
        return LoadFiles(folder, paths, progress, cancellation);
    }

    public LoadResult LoadFiles(string sourceFolder, IReadOnlyList<string> paths, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        var started = DateTime.UtcNow;
        var notes = new List<string>();
        // Each file is copied here as it is scanned, and the load reads the copy: what is hashed is what is loaded.
        using var staging = StagingFolder.Create();
        // Everything that can make a file unreadable is found before the warehouse is touched.
        var scanned = new List<(CsvFileScan Scan, EntityLayout Layout)>();
        foreach (var path in paths)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report($"reading {Path.GetFileName(path)}");
            try
            {
                var layout = CanonicalLayouts.ForFile(path) ?? throw new SourceFileException(Path.GetFileName(path),
                    $"not a canonical file name; expected one of {string.Join(", ", CanonicalLayouts.All.Select(e => e.Entity))} (optionally followed by -suffix), .csv or .csv.gz");
                var scan = CsvFileScan.Read(path, staging.Path);
                CheckHeader(scan, layout, notes);
                scanned.Add((scan, layout));
            }
            catch (SourceFileException e)
            {
                throw new LoadFailedException($"load failed, nothing was loaded: {e.Message}", e);
            }
            catch (IOException e)
            {
                throw new LoadFailedException($"load failed, nothing was loaded: {Path.GetFileName(path)}: {e.Message}", e);
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
            var fileLoader = new CanonicalFileLoader(warehouse, loadId,
                new FieldChecks.DateWindow(window.Earliest, window.LatestFrom(DateOnly.FromDateTime(started))));
            var results = new List<FileLoadResult>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (scan, layout) = ordered[i];
                // Before the next entity (which may reference this one's keys): an unchanged file of this entity whose
                // repeated keys were freed by a new version of another is loaded again.
                if (i > 0 && ordered[i - 1].Layout != layout)
                    ReloadFilesWhoseDuplicatesLostTheirOriginal(ordered, ordered[i - 1].Layout, results, fileLoader, progress);
                var previousHash = warehouse.Scalar<string>("""
                    SELECT sha256 FROM load_files
                    WHERE file_name = $f AND status <> 'unchanged'
                    ORDER BY load_id DESC LIMIT 1
                    """, ("f", scan.FileName));
                if (previousHash == scan.Sha256)
                {
                    progress?.Report($"{scan.FileName} unchanged");
                    results.Add(new FileLoadResult(scan.FileName, layout.Entity, scan.Sha256, FileLoadStatus.Unchanged, 0, 0, 0, 0));
                    continue;
                }
                cancellation.ThrowIfCancellationRequested();
                progress?.Report($"loading {scan.FileName}");
                try
                {
                    results.Add(fileLoader.Load(scan, layout, replacing: previousHash is not null));
                }
                catch (DuckDB.NET.Data.DuckDBException e)
                {
                    throw new SourceFileException(scan.FileName, FirstLine(e.Message));
                }
            }

            if (ordered.Count > 0) ReloadFilesWhoseDuplicatesLostTheirOriginal(ordered, ordered[^1].Layout, results, fileLoader, progress);
            fileLoader.DropScratch();
            var orphans = results.Any(r => r.RowsRemoved > 0) ? RemoveOrphans(loadId) : 0;

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
                $"{results.Sum(r => r.RowsLoaded):N0} rows loaded, {results.Sum(r => r.RowsRejected):N0} rejected, {orphans:N0} orphans removed",
                new
                {
                    load_id = loadId,
                    files = results.Select(r => new { file = r.FileName, sha256 = r.Sha256, status = r.Status.ToString().ToLowerInvariant(), read = r.RowsRead, loaded = r.RowsLoaded, rejected = r.RowsRejected, removed = r.RowsRemoved }),
                });
            // The last moment to abandon: after this the load is in.
            cancellation.ThrowIfCancellationRequested();
            transaction.Commit();
            return new LoadResult(loadId, sourceFolder, results, reasons, orphans, notes);
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
            var message = e is SourceFileException ? e.Message
                : Warehouse.WarehouseFailure.IsDiskFull(e) ? Warehouse.WarehouseFailure.Describe(e)
                : FirstLine(e.Message);
            throw new LoadFailedException($"load failed, nothing was loaded: {message}", e);
        }
    }

    /// <summary>
    /// A key in two files loads from the first; the second's copy is rejected as a duplicate. When a new version of the
    /// first drops that key, the second's copy must load, as it would in a fresh load of the same files: an unchanged
    /// file of this load whose duplicate rejects name keys no longer in the table is loaded again (repeated until none
    /// is left, since a reload can free keys in turn).
    /// </summary>
    private void ReloadFilesWhoseDuplicatesLostTheirOriginal(List<(CsvFileScan Scan, EntityLayout Layout)> ordered, EntityLayout entity,
        List<FileLoadResult> results, CanonicalFileLoader fileLoader, IProgress<string>? progress)
    {
        if (!results.Any(r => r.Entity == entity.Entity && r.RowsRemoved > 0)) return;
        while (true)
        {
            var stranded = ordered.Where(s => s.Layout == entity && results.Any(r => r.FileName == s.Scan.FileName && r.Status == FileLoadStatus.Unchanged)
                                              && HasStrandedDuplicates(s.Scan.FileName, s.Layout)).ToList();
            if (stranded.Count == 0) return;
            foreach (var (scan, layout) in stranded)
            {
                progress?.Report($"loading {scan.FileName} again: keys it repeated are no longer loaded from elsewhere");
                var index = results.FindIndex(r => r.FileName == scan.FileName);
                results[index] = fileLoader.Load(scan, layout, replacing: true);
            }
        }
    }

    private bool HasStrandedDuplicates(string fileName, EntityLayout layout)
    {
        return warehouse.Scalar<long>($"""
            SELECT count(*) FROM rejects r
            WHERE r.file_name = $f AND r.reason_code = 'duplicate_key'
              AND r.load_id = (SELECT max(load_id) FROM load_files WHERE file_name = $f AND status <> 'unchanged')
              AND NOT EXISTS (SELECT 1 FROM {Ident(layout.Entity)} e WHERE {layout.KeyTextSql("e")} = r.raw_value)
            """, ("f", fileName)) > 0;
    }

    /// <summary>
    /// After a file was replaced, rows elsewhere may name keys that no longer exist. They are moved to rejects
    /// (reason orphaned_reference), so the warehouse never holds a dangling reference.
    /// </summary>
    private long RemoveOrphans(long loadId)
    {
        long removed = 0;
        foreach (var layout in CanonicalLayouts.All)
            foreach (var reference in layout.References)
            {
                var target = CanonicalLayouts.All.Single(e => e.Entity == reference.References);
                var where = $"""
                    {Ident(reference.Name)} IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM {Ident(target.Entity)} k WHERE k.{Ident(target.Key[0])} = {Ident(layout.Entity)}.{Ident(reference.Name)})
                    """;
                warehouse.Execute($"""
                    INSERT INTO rejects
                    SELECT $load, source_file, {Literal(layout.Entity)}, source_line, {Literal(reference.Name)}, {Ident(reference.Name)},
                           'orphaned_reference', {Literal($"{reference.Name} no longer names a loaded {target.Entity} row (its file was replaced)")}
                    FROM {Ident(layout.Entity)} WHERE {where}
                    """, ("load", loadId));
                removed += warehouse.Execute($"DELETE FROM {Ident(layout.Entity)} WHERE {where}");
            }
        return removed;
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
