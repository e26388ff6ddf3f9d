namespace O2C.Analytics.Load;

/// <summary>The outcome of one committed <c>o2c load</c>.</summary>
public sealed record LoadResult(
    long LoadId,
    string SourceFolder,
    IReadOnlyList<FileLoadResult> Files,
    IReadOnlyList<RejectSummary> RejectReasons,
    long OrphansRemoved,
    IReadOnlyList<string> Notes)
{
    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);
    public long RowsRejected => Files.Sum(f => f.RowsRejected);
    public int FilesChanged => Files.Count(f => f.Status != FileLoadStatus.Unchanged);
}

/// <summary>How many rejects of one reason a file had in a load.</summary>
public sealed record RejectSummary(string FileName, string ReasonCode, string Reason, long Count, long FirstLine);
