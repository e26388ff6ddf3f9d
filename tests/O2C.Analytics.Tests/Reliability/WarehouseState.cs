namespace O2C.Analytics.Tests.Reliability;

/// <summary>
/// What a load leaves in the warehouse, as comparable values: per table its row count and an order-independent hash
/// of every row's content. The ledger tables' timestamps differ from run to run, so for them the rows are hashed
/// without their times and the audit log is held to its count and an intact chain.
/// </summary>
public static class WarehouseState
{
    private static readonly string[] ContentTables =
        ["customers", "documents", "receipts", "applications", "disputes", "promises_to_pay", "collection_activities", "write_offs",
         "fx_rates", "holidays", "kpi_targets", "rejects", "load_files"];

    public static IReadOnlyDictionary<string, string> Of(O2C.Analytics.Storage.Warehouse w)
    {
        var state = ContentTables.ToDictionary(t => t, t => w.Scalar<string>(
            $"SELECT count(*) || ':' || coalesce(sum(hash(CAST(t AS VARCHAR)))::VARCHAR, '0') FROM {t} t")!);
        state["loads"] = w.Scalar<string>("SELECT count(*) || ':' || coalesce(sum(hash(load_id, source_folder, files_seen, files_loaded, files_unchanged, rows_loaded, rows_rejected))::VARCHAR, '0') FROM loads")!;
        // A command records the configuration it runs under before it starts work: that entry is true whether or not
        // the work then finished, so the comparison counts the work's entries.
        state["audit_log"] = $"{w.Scalar<long>("SELECT count(*) FROM audit_log WHERE action <> 'configuration'")}:{new O2C.Analytics.Audit.AuditLog(w).Verify().Intact}";
        return state;
    }

    /// <summary>Only the loaded data (entity tables and rejects), without the ledger of how often it was loaded.</summary>
    public static IReadOnlyDictionary<string, string> Data(IReadOnlyDictionary<string, string> state) =>
        state.Where(kv => kv.Key is not ("loads" or "load_files" or "audit_log")).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>The kill harnesses' fresh start: the warehouse as it was before, with no WAL of an earlier run beside it.</summary>
    public static void Restore(string beforePath, string work)
    {
        foreach (var f in new[] { work, work + ".wal" }) File.Delete(f);
        File.Copy(beforePath, work);
    }

    public static string Describe(IReadOnlyDictionary<string, string> state) =>
        string.Join(", ", state.Select(kv => $"{kv.Key}={kv.Value.Split(':')[0]}"));
}
