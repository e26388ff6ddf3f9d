using O2C.Analytics.Storage;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace O2C.Analytics.Audit;

/// <summary>
/// The append-only record of what changed the warehouse or left the company: loads, configuration changes, model
/// runs, reports sent, purges. Entries are only ever inserted; each one's SHA-256 covers its content and the hash of
/// the entry before, so <see cref="Verify"/> finds any entry changed or removed after the fact.
/// </summary>
public sealed class AuditLog(Warehouse warehouse)
{
    public const string Load = "load";
    public const string Configuration = "configuration";
    public const string ModelTrained = "model_trained";
    public const string PredictionsScored = "predictions_scored";
    public const string PackSent = "pack_sent";
    public const string SlaReviewSent = "sla_review_sent";
    public const string Purge = "purge";
    public const string CashApplied = "cash_applied";

    private static readonly string Genesis = new('0', 64);

    private static readonly AsyncLocal<string?> ScopedCommand = new();

    /// <summary>The command line that runs (set by the CLI from its arguments; secrets never travel as arguments).</summary>
    public static string Command
    {
        get => ScopedCommand.Value ?? ProcessCommand;
        set => ProcessCommand = value;
    }

    private static string ProcessCommand { get; set; } = "o2c";

    /// <summary>Entries recorded in this async flow name <paramref name="command"/> (a scheduled job) until disposed.</summary>
    public static IDisposable RunAs(string command)
    {
        var before = ScopedCommand.Value;
        ScopedCommand.Value = command;
        return new Restore(() => ScopedCommand.Value = before);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    public AuditEntry Record(string action, string detail, object? data = null, string? command = null)
    {
        var previous = warehouse.Query("SELECT entry_id, entry_hash FROM audit_log ORDER BY entry_id DESC LIMIT 1",
            r => (Id: r.GetInt64(0), Hash: r.GetString(1))).FirstOrDefault();
        // Microsecond precision: what DuckDB's TIMESTAMP keeps, so the hash re-computes from the stored value.
        var now = DateTime.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        var entry = new AuditEntry(previous.Id + 1, now, action, detail,
            data is null ? null : data as string ?? JsonSerializer.Serialize(data),
            command ?? Command, Environment.UserName, previous.Hash ?? Genesis, "");
        entry = entry with { EntryHash = HashOf(entry) };
        warehouse.Execute("INSERT INTO audit_log VALUES ($id, $at, $action, $detail, $data, $command, $user, $prev, $hash)",
            ("id", entry.EntryId), ("at", entry.RecordedAtUtc), ("action", entry.Action), ("detail", entry.Detail),
            ("data", entry.Data), ("command", entry.Command), ("user", entry.OsUser), ("prev", entry.PreviousHash), ("hash", entry.EntryHash));
        return entry;
    }

    /// <summary>The most recent entries first.</summary>
    public IReadOnlyList<AuditEntry> Latest(int count) => Read($"ORDER BY entry_id DESC LIMIT {count}");

    public AuditEntry? LatestOf(string action) =>
        Read("WHERE action = $action ORDER BY entry_id DESC LIMIT 1", ("action", action)).FirstOrDefault();

    /// <summary>Re-computes every entry's hash and its link to the one before.</summary>
    public AuditChainCheck Verify()
    {
        var entries = Read("ORDER BY entry_id");
        var expectedPrevious = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.EntryId != i + 1) return new AuditChainCheck(entries.Count, i + 1, $"entry {i + 1} is missing");
            if (e.PreviousHash != expectedPrevious) return new AuditChainCheck(entries.Count, e.EntryId, "it does not follow the entry before");
            if (HashOf(e) != e.EntryHash) return new AuditChainCheck(entries.Count, e.EntryId, "its content was changed after it was recorded");
            expectedPrevious = e.EntryHash;
        }
        return new AuditChainCheck(entries.Count, null, null);
    }

    private List<AuditEntry> Read(string tail, params (string, object?)[] parameters) => warehouse.Query(
        $"SELECT entry_id, recorded_at, action, detail, data, command, os_user, previous_hash, entry_hash FROM audit_log {tail}",
        r => new AuditEntry(r.GetInt64(0), r.GetDateTime(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
            r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)), parameters);

    private static string HashOf(AuditEntry e)
    {
        // Length-prefixed fields: no two different entries serialise to the same text.
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     e.PreviousHash, e.EntryId.ToString(CultureInfo.InvariantCulture),
                     e.RecordedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                     e.Action, e.Detail, e.Data ?? "\u2400", e.Command, e.OsUser,
                 })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
