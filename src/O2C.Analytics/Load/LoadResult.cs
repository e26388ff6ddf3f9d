namespace O2C.Analytics.Load;

/// <summary>
/// The outcome of one committed <c>o2c load</c>. A changed file can move rows of unchanged ones: a replaced customers
/// file that drops a customer rejects that customer's documents; a parent that arrives loads the rows that named it.
/// </summary>
public sealed record LoadResult(
    long LoadId,
    string SourceFolder,
    IReadOnlyList<FileLoadResult> Files,
    IReadOnlyList<RejectSummary> RejectReasons,
    long RowsOfUnchangedFilesNowRejected,
    long RowsOfUnchangedFilesNowLoaded,
    IReadOnlyList<string> Notes)
{
    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);
    public long RowsRejected => Files.Sum(f => f.RowsRejected);
    public int FilesChanged => Files.Count(f => f.Status != FileLoadStatus.Unchanged);

    /// <summary>Rows rejected as a share of the rows the changed files held (0 when nothing was read).</summary>
    public double RejectedShare => RowsLoaded + RowsRejected == 0 ? 0 : (double)RowsRejected / (RowsLoaded + RowsRejected);

    /// <summary>
    /// Why this load did not do what was asked, or null: more rows rejected than <paramref name="maxRejectedShare"/>
    /// of those read (the good rows are loaded; the rejects are in the rejects table with file, line and reason).
    /// </summary>
    public string? Shortfall(double maxRejectedShare) => RejectedShare > maxRejectedShare
        ? $"{RowsRejected:N0} of {RowsLoaded + RowsRejected:N0} rows rejected ({RejectedShare:P0}, more than the {maxRejectedShare:P0} allowed by MaxRejectedShare): the good rows are loaded, the rejects are in the rejects table with file, line and reason"
        : null;
}

/// <summary>How many rejects of one reason a file had in a load.</summary>
public sealed record RejectSummary(string FileName, string ReasonCode, string Reason, long Count, long FirstLine);
