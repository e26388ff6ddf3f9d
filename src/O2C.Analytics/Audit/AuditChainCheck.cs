namespace O2C.Analytics.Audit;

/// <summary>The result of re-computing the audit log's hash chain: intact, or the first entry that no longer matches.</summary>
public sealed record AuditChainCheck(long Entries, long? FirstBrokenEntry, string? Problem)
{
    public bool Intact => FirstBrokenEntry is null;

    public string Summary => Intact
        ? $"intact: {Entries:N0} entries, each hash chained to the one before"
        : $"BROKEN at entry {FirstBrokenEntry}: {Problem}";
}
