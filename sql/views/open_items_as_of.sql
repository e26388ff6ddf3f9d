-- Table macro open_items_as_of(as_of DATE): every document open at the end of any day, in document currency, from its dated balance events (issue, credit memos, cash applied, write-offs on or before the date). Example: select * from open_items_as_of(DATE '2026-03-15').
create or replace macro open_items_as_of(as_of) as table
select e.document_id, d.customer_id, d.document_type, d.document_date, d.due_date, d.currency_code,
       sum(e.delta)::decimal(18,3) as open_amount, (as_of::date - d.due_date) as days_past_due
from int_document_balance_events e join stg_documents d using (document_id)
where e.event_date <= as_of::date
group by all
having sum(e.delta) <> 0
