-- Credit memo issued after a dispute or deduction was resolved in the customer's favour: from resolution to the
-- first credit memo naming the dispute. Cause: the dispute's kind and category. Amount: the amount resolved.
with memos as (
    select dispute_id, min(document_date) as issued_date from stg_documents
    where document_type = 'credit_memo' and dispute_id is not null group by dispute_id
)
select d.dispute_id as item_id, d.customer_id, d.category, d.dispute_kind || ': ' || d.category as cause,
       d.resolved_date as start_date, m.issued_date as end_date, null::varchar as item_owner,
       d.amount, d.currency_code
from stg_disputes d left join memos m using (dispute_id)
where d.outcome = 'valid' and d.resolved_date is not null
