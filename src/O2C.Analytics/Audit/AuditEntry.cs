namespace O2C.Analytics.Audit;

/// <summary>One line of the audit log.</summary>
public sealed record AuditEntry(
    long EntryId,
    DateTime RecordedAtUtc,
    string Action,
    string Detail,
    string? Data,
    string Command,
    string OsUser,
    string PreviousHash,
    string EntryHash);
