-- Broken promise to pay followed up: from the promised pay date of a promise not kept (int_promise_outcomes: not
-- paid in full by the promised date + 2 days of grace, as the promise-to-pay kept rate counts it) to the next
-- collection activity for the customer after the promised date. Cause: no follow-up yet; a follow-up that did not
-- reach the customer (no answer, a message left: customer not reachable); or a follow-up that came late. Amount:
-- the promised amount.
with broken as (select * from int_promise_outcomes where not kept),
follow_up as (
    select b.promise_id, a.activity_date, a.activity_type, a.outcome
    from broken b join stg_collection_activities a on a.customer_id = b.customer_id and a.activity_date > b.promised_pay_date
    qualify row_number() over (partition by b.promise_id order by a.activity_date, a.activity_id) = 1
)
select b.promise_id as item_id, b.customer_id, null::varchar as category,
       case when f.promise_id is null then 'no follow-up'
            when f.outcome in ('no_answer', 'left_message') then 'customer not reachable'
            else 'late follow-up' end as cause,
       b.promised_pay_date as start_date, f.activity_date as end_date, null::varchar as item_owner,
       b.promised_amount as amount, b.currency_code
from broken b left join follow_up f using (promise_id)
