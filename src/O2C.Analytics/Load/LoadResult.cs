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
}

/// <summary>How many rejects of one reason a file had in a load.</summary>
public sealed record RejectSummary(string FileName, string ReasonCode, string Reason, long Count, long FirstLine);
