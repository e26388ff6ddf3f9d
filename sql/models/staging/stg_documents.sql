-- grain: document_id
-- AR billing documents with their sign in AR: invoices and debit memos add, credit memos reduce.
with documents as (select * from documents)

select
    -- ids
    document_id,
    document_type,
    customer_id,
    corrects_document_id,
    dispute_id,
    -- dates
    order_date,
    ship_date,
    document_date,
    sent_date,
    due_date,
    -- amounts (document currency)
    currency_code,
    amount,
    case when document_type = 'credit_memo' then -amount else amount end as signed_amount,
    -- a credit memo that names the invoice it corrects is consumed by that invoice, not left open on its own
    document_type = 'credit_memo' and corrects_document_id is not null as is_linked_credit,
    delivery_channel,
    -- an opening open item (brought at the start): a balance on that date, not a sale
    opening_balance_date
from documents
