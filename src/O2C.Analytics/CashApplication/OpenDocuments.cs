using O2C.Analytics.Storage;

namespace O2C.Analytics.CashApplication;

/// <summary>
/// Invoices and debit memos with an amount still open: the amount less the credit memos that correct them, the cash
/// applied to them and what was written off. The one definition cash matching and a person's application both use.
/// </summary>
internal static class OpenDocuments
{
    /// <summary>Every open document, or only <paramref name="documentId"/> (open or not, it is left out when settled).</summary>
    public static List<OpenDocument> Read(Warehouse warehouse, string? documentId = null) => warehouse.Query($"""
        WITH credits AS (SELECT corrects_document_id AS document_id, sum(amount) AS amount FROM documents
                         WHERE document_type = 'credit_memo' AND corrects_document_id IS NOT NULL GROUP BY 1),
             applied AS (SELECT document_id, sum(amount) AS amount FROM applications GROUP BY 1),
             written AS (SELECT document_id, sum(amount) AS amount FROM write_offs GROUP BY 1)
        SELECT d.document_id, d.customer_id, d.currency_code, d.due_date,
               d.amount - coalesce(c.amount, 0) - coalesce(p.amount, 0) - coalesce(w.amount, 0) AS open_amount, d.document_date
        FROM documents d
        LEFT JOIN credits c USING (document_id) LEFT JOIN applied p USING (document_id) LEFT JOIN written w USING (document_id)
        WHERE d.document_type <> 'credit_memo'
          AND d.amount - coalesce(c.amount, 0) - coalesce(p.amount, 0) - coalesce(w.amount, 0) > 0
          {(documentId is null ? "" : "AND d.document_id = $d")}
        """, r => new OpenDocument(r.GetString(0), r.GetString(1), r.GetString(2),
            r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetDecimal(4), r.GetFieldValue<DateOnly>(5)),
        documentId is null ? [] : [("d", documentId)]);
}
