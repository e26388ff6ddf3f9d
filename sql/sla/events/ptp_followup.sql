-- Broken promise to pay followed up: from the promised pay date of a promise not kept (int_promise_outcomes: not
-- paid in full by the promised date + 2 days of grace, as the promise-to-pay kept rate counts it) to the next
-- collection activity for the customer after the promised date. Cause: the follow-up's kind, or none yet.
with broken as (select * from int_promise_outcomes where not kept),
follow_up as (
    select b.promise_id, a.activity_date, a.activity_type
    from broken b join stg_collection_activities a on a.customer_id = b.customer_id and a.activity_date > b.promised_pay_date
    qualify row_number() over (partition by b.promise_id order by a.activity_date, a.activity_id) = 1
)
select b.promise_id as item_id, b.customer_id, null::varchar as category,
       coalesce('follow-up by ' || f.activity_type, 'no follow-up') as cause,
       b.promised_pay_date as start_date, f.activity_date as end_date, null::varchar as item_owner
from broken b left join follow_up f using (promise_id)
