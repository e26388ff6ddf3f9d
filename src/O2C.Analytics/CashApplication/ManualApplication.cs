using System.Globalization;
using O2C.Analytics.Audit;
using O2C.Analytics.Storage;

namespace O2C.Analytics.CashApplication;

/// <summary>What a person's application did: the decision's run and the payer aliases it taught.</summary>
public sealed record ManualDecision(long RunId, IReadOnlyList<string> Learned);

/// <summary>
/// A person applies a receipt to documents (an exception worked by hand). The receipt's payer account and name, when
/// no master data or earlier decision ties them to that customer, become aliases (payer_aliases) that identify the
/// payer's next receipts. Logged as a cash-matching decision ('manual_applied') and in the audit log.
/// </summary>
public sealed class ManualApplication(Warehouse warehouse)
{
    private sealed record ReceiptToApply(string? Customer, string Currency, decimal Remaining, string? PayerName, string? PayerAccount, DateOnly ValueDate);

    public ManualDecision Apply(string receiptId, IReadOnlyList<string> documentIds, string decidedBy, DateOnly applicationDate)
    {
        if (documentIds.Count == 0) throw new ArgumentException("name at least one document to apply the receipt to");
        if (string.IsNullOrWhiteSpace(decidedBy)) throw new ArgumentException("say who decides (the audit log records it)");
        var receipt = warehouse.Query("""
            SELECT r.customer_id, r.currency_code, r.amount - coalesce((SELECT sum(a.amount) FROM applications a WHERE a.receipt_id = r.receipt_id), 0),
                   r.payer_name, r.payer_account, r.value_date
            FROM receipts r WHERE r.receipt_id = $r
            """, r => new ReceiptToApply(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.GetDecimal(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetFieldValue<DateOnly>(5)), ("r", receiptId)).SingleOrDefault()
            ?? throw new ArgumentException($"no receipt {receiptId}");
        var items = documentIds.Distinct(StringComparer.Ordinal).Select(Open).ToList();
        var customers = items.Select(d => d.Customer).Distinct(StringComparer.Ordinal).ToList();
        if (customers.Count > 1)
            throw new ArgumentException($"{Names(items)} belong to different customers ({string.Join(", ", customers)}): a receipt pays one customer's documents");
        var customer = customers[0];
        if (receipt.Customer is { } stated && stated != customer)
            throw new ArgumentException($"{receiptId} is {stated}'s receipt; {Names(items)} {(items.Count > 1 ? "are" : "is")} {customer}'s");
        if (items.FirstOrDefault(d => d.Currency != receipt.Currency) is { } other)
            throw new ArgumentException($"{other.Id} is in {other.Currency}, {receiptId} in {receipt.Currency}");
        var total = items.Sum(d => d.Open);
        if (total > receipt.Remaining)
            throw new ArgumentException($"{receiptId} has {N(receipt.Remaining)} {receipt.Currency} left to apply; {Names(items)} {(items.Count > 1 ? "are" : "is")} open for {N(total)}");

        var directory = new PayerDirectory(warehouse);
        var learned = new List<(string Type, string Key)>();
        if (PayerName.AccountKey(receipt.PayerAccount) is { } account && !directory.Knows("account", account, customer)) learned.Add(("account", account));
        if (PayerName.Key(receipt.PayerName) is { Length: > 0 } name && !directory.Knows("name", name, customer)) learned.Add(("name", name));
        var lessons = learned.Select(l => $"{l.Type} {l.Key} -> {customer}").ToList();

        using var transaction = warehouse.BeginTransaction();
        var runId = ReceiptPayer.NextRunId(warehouse);
        var source = SourceOf(runId);
        var now = DateTime.UtcNow;
        var line = 0L;
        foreach (var item in items)
            warehouse.Execute("INSERT INTO applications VALUES ($id, $r, $d, $date, $amount, 'manual', $source, $line, 0)",
                ("id", $"MANUAL-{runId}-{++line}"), ("r", receiptId), ("d", item.Id), ("date", applicationDate), ("amount", item.Open),
                ("source", source), ("line", line));
        var changes = new FactChanges(warehouse);
        changes.NoteDate(applicationDate);
        if (receipt.Customer is null)
            ReceiptPayer.Name(warehouse, changes, receiptId, receipt.ValueDate, customer, runId, now);
        foreach (var (type, key) in learned)
            warehouse.Execute("INSERT INTO payer_aliases VALUES ($type, $key, $c, $r, $run, $by, $at)",
                ("type", type), ("key", key), ("c", customer), ("r", receiptId), ("run", runId), ("by", decidedBy), ("at", now));
        var detail = $"receipt {receiptId} applied by {decidedBy} to {string.Join(", ", items.Select(d => d.Id))} ({N(total)} {receipt.Currency})" +
                     (lessons.Count == 0 ? "" : $"; learned: {string.Join(", ", lessons)}");
        warehouse.Execute("""
            INSERT INTO cash_match_decisions VALUES ($run, $r, 'manual_applied', 'manual', 1, $docs, $amount, NULL, $inputs, $at)
            """, ("run", runId), ("r", receiptId), ("docs", string.Join(",", items.Select(d => d.Id))), ("amount", total),
            ("inputs", $"decided by {decidedBy}; payer='{receipt.PayerName}' account='{receipt.PayerAccount}'" +
                       (lessons.Count == 0 ? "" : $"; learned: {string.Join(", ", lessons)}")), ("at", now));
        new AuditLog(warehouse).Record(AuditLog.CashApplied, detail,
            new { run_id = runId, receipt_id = receiptId, documents = items.Select(d => new { d.Id, d.Open }), decided_by = decidedBy, learned = lessons });
        // Judged against the rest by the next load that rebuilds their tables, as if a file had brought them.
        Load.RebuildScope.Pending(warehouse, "applications", $"SELECT application_id FROM applications WHERE source_file = {Load.SqlText.Literal(source)}");
        ReceiptPayer.Pending(warehouse, runId);
        changes.Record($"manual cash application {runId}");
        transaction.Commit();
        return new ManualDecision(runId, lessons);
    }

    /// <summary>Where a person's applications come from, as source_file: the decision, so each row's file and line are its own.</summary>
    public static string SourceOf(long runId) => $"o2c-manual-application-{runId}";

    private OpenDocument Open(string documentId) => OpenDocuments.Read(warehouse, documentId).SingleOrDefault()
        ?? throw new ArgumentException($"{documentId} is not an open invoice or debit memo");

    private static string Names(IReadOnlyList<OpenDocument> items) =>
        items.Count == 1 ? items[0].Id : string.Join(", ", items.Take(items.Count - 1).Select(d => d.Id)) + " and " + items[^1].Id;

    private static string N(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
