-- o2c purge --before D: what is past retention. Only what is closed before D goes, so every balance, age and
-- KPI part from D on is unchanged: a billing document is purged only when it was fully settled (applied, credited
-- or written off) by dates before D and nothing touches it on or after D; with it go the rows about it. A receipt goes
-- when its value date is before D and all of it was applied to purged documents. Contact history and promises
-- before D go; open disputes stay. $before is bound by the caller.
CREATE TEMP TABLE _purge_documents AS
WITH settled AS (
    SELECT d.document_id, d.amount,
           coalesce((SELECT sum(a.amount) FROM applications a WHERE a.document_id = d.document_id AND a.application_date < $before), 0)
         + coalesce((SELECT sum(c.amount) FROM documents c WHERE c.corrects_document_id = d.document_id
                       AND c.document_type = 'credit_memo' AND c.document_date < $before), 0)
         + coalesce((SELECT sum(w.amount) FROM write_offs w WHERE w.document_id = d.document_id AND w.write_off_date < $before), 0) AS cleared
    FROM documents d
    WHERE d.document_type IN ('invoice', 'debit_memo') AND d.document_date < $before
)
SELECT document_id FROM settled s
WHERE s.cleared = s.amount
  AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.document_id = s.document_id AND a.application_date >= $before)
  AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.corrects_document_id = s.document_id AND c.document_date >= $before)
  AND NOT EXISTS (SELECT 1 FROM write_offs w WHERE w.document_id = s.document_id AND w.write_off_date >= $before)
  AND NOT EXISTS (SELECT 1 FROM disputes x WHERE x.document_id = s.document_id AND (x.resolved_date IS NULL OR x.resolved_date >= $before));
-- The credit memos that cleared them.
INSERT INTO _purge_documents
SELECT c.document_id FROM documents c JOIN _purge_documents p ON c.corrects_document_id = p.document_id
WHERE c.document_type = 'credit_memo';
CREATE TEMP TABLE _purge_receipts AS
SELECT r.receipt_id FROM receipts r
WHERE r.value_date < $before
  AND (SELECT coalesce(sum(a.amount), 0) FROM applications a WHERE a.receipt_id = r.receipt_id) = r.amount
  AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.receipt_id = r.receipt_id
                  AND a.document_id NOT IN (SELECT document_id FROM _purge_documents));
