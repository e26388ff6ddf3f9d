-- grain: document_id
-- materialized: table
-- For each invoice and debit memo: the date its open amount first reached zero (its settlement date), and
-- whether cash settled it. A settlement date depends only on events dated on or before it, so it never
-- changes when later data arrives.
-- The document's type and delivery channel ride along for the payment features (a join of every document saved).
with events as (
    select document_id, event_date, sum(delta) as delta,
           bool_or(event_type = 'cash_applied') as has_cash
    from int_document_balance_events
    where in_refresh(document_id)
    group by document_id, event_date
),

running as (
    select document_id, event_date, has_cash,
           sum(delta) over (partition by document_id order by event_date rows unbounded preceding) as balance
    from events
),

settled as (
    select document_id, min(event_date) as settled_date
    from running
    where balance <= 0
    group by document_id
),

documents as (select * from stg_documents where document_type <> 'credit_memo' and in_refresh(document_id))

select
    d.document_id,
    d.customer_id,
    d.document_date,
    d.order_date,
    d.due_date,
    d.currency_code,
    d.amount,
    d.document_type,
    d.delivery_channel,
    s.settled_date,
    coalesce(r.has_cash, false) as settled_by_cash
from documents d
left join settled s using (document_id)
left join running r on r.document_id = s.document_id and r.event_date = s.settled_date
