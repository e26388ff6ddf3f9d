namespace O2C.Analytics.Load;

/// <summary>What one file did in one load.</summary>
public sealed record FileLoadResult(
    string FileName,
    string Entity,
    string Sha256,
    FileLoadStatus Status,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsRemoved);

public enum FileLoadStatus
{
    /// <summary>A file name not loaded before.</summary>
    Loaded,
    /// <summary>A file loaded before whose content changed: its previous rows were replaced.</summary>
    Replaced,
    /// <summary>Same name and same SHA-256 as the last load of it: nothing done.</summary>
    Unchanged,
}
