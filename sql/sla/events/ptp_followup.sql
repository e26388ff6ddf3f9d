-- Broken promise to pay followed up: from the promised pay date of a promise not kept (not paid in full by the
-- promised date + 2 days of grace, as the promise-to-pay kept rate counts it) to the next collection activity for
-- the customer after the promised date. Cause: the follow-up's kind, or none yet.
with promises as (select *, promised_pay_date + 2 as grace_date from stg_promises_to_pay),
paid as (
    select p.promise_id, coalesce(sum(a.amount), 0) as paid
    from promises p
    left join stg_applications a on a.document_id = p.document_id
         and a.application_date >= p.promise_date and a.application_date <= p.grace_date
    group by p.promise_id
),
broken as (
    select p.* from promises p join paid x using (promise_id)
    left join int_document_settlement s on s.document_id = p.document_id
    where not (x.paid >= p.promised_amount or coalesce(s.settled_date <= p.grace_date, false))
),
follow_up as (
    select b.promise_id, a.activity_date, a.activity_type
    from broken b join stg_collection_activities a on a.customer_id = b.customer_id and a.activity_date > b.promised_pay_date
    qualify row_number() over (partition by b.promise_id order by a.activity_date, a.activity_id) = 1
)
select b.promise_id as item_id, b.customer_id, null::varchar as category,
       coalesce('follow-up by ' || f.activity_type, 'no follow-up') as cause,
       b.promised_pay_date as start_date, f.activity_date as end_date, null::varchar as item_owner
from broken b left join follow_up f using (promise_id)
