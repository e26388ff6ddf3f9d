using O2C.Analytics.Storage;

namespace O2C.Analytics.CashApplication;

/// <summary>
/// What cash matching and a person's application both record when they decide: the decision's run number, and the
/// customer of a receipt its file left without one.
/// </summary>
internal static class ReceiptPayer
{
    /// <summary>The next run in cash_match_decisions (a matching run or a person's decision).</summary>
    public static long NextRunId(Warehouse warehouse) =>
        (warehouse.Scalar<long?>("SELECT max(run_id) FROM cash_match_decisions") ?? 0) + 1;

    /// <summary>
    /// The receipt is the customer's from its value date. Recorded apart too (receipt_payers): the loader fills it back
    /// when the receipt's file is sent again.
    /// </summary>
    public static void Name(Warehouse warehouse, FactChanges changes, string receiptId, DateOnly valueDate, string customer, long runId, DateTime at)
    {
        changes.NoteDate(valueDate);
        warehouse.Execute("UPDATE receipts SET customer_id = $c WHERE receipt_id = $r", ("c", customer), ("r", receiptId));
        warehouse.Execute("INSERT INTO receipt_payers VALUES ($r, $c, $run, $at)", ("r", receiptId), ("c", customer), ("run", runId), ("at", at));
    }

    /// <summary>The receipts a run named, judged against the rest by the next load that rebuilds receipts.</summary>
    public static void Pending(Warehouse warehouse, long runId) =>
        Load.RebuildScope.Pending(warehouse, "receipts", $"SELECT receipt_id FROM receipt_payers WHERE run_id = {runId}");
}
