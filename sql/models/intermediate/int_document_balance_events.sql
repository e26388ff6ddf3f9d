-- grain: document_id, event_type, event_id
-- Every dated change to a document's open amount, in the document's currency:
-- issue (+ for invoices and debit memos; - for credit memos not linked to an invoice),
-- linked credit memos (- on the invoice they correct, on the memo's date), cash applied, write-offs. event_id is the row
-- that made the change: the document itself, the credit memo, the application or the write-off.
with documents as (select * from stg_documents),
applications as (select * from stg_applications),
write_offs as (select * from stg_write_offs),

issued as (
    select document_id, document_date as event_date, signed_amount as delta, 'issued' as event_type, document_id as event_id
    from documents where not is_linked_credit
),

credited as (
    select corrects_document_id as document_id, document_date as event_date, -amount as delta, 'credit_memo' as event_type, document_id as event_id
    from documents where is_linked_credit
),

paid as (
    select document_id, application_date as event_date, -amount as delta, 'cash_applied' as event_type, application_id as event_id
    from applications
),

written_off as (
    select document_id, write_off_date as event_date, -amount as delta, 'written_off' as event_type, write_off_id as event_id
    from write_offs
)

select * from issued
union all select * from credited
union all select * from paid
union all select * from written_off
