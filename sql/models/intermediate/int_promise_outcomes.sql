-- grain: promise_id
-- materialized: table
-- Every promise to pay with its grace date (promised pay date + 2 days) and whether it was kept: cash applied to
-- the promised document from the promise date to the grace date covers the promised amount, or the document was
-- settled by then. Defined once, for the promise-to-pay kept rate and the broken-promise follow-up SLA.
with promises as (select *, promised_pay_date + 2 as grace_date from stg_promises_to_pay where in_refresh(promise_id)),
paid as (
    select p.promise_id, coalesce(sum(a.amount), 0) as paid
    from promises p
    left join stg_applications a on a.document_id = p.document_id
         and a.application_date >= p.promise_date and a.application_date <= p.grace_date
    group by p.promise_id
)
select p.*, x.paid,
       x.paid >= p.promised_amount or coalesce(s.settled_date <= p.grace_date, false) as kept
from promises p
join paid x using (promise_id)
left join int_document_settlement s on s.document_id = p.document_id
