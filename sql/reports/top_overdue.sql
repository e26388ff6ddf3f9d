-- Pack, Top overdue sheet: the $top customers with the largest past-due balance at $month_end (reporting currency),
-- with what a collector needs beside it. Everything is as of the month end: disputes open then, the last contact
-- and the latest promise made by then. The predicted pay date is the amount-weighted mean of the expected payment
-- dates of the customer's past-due invoices in the payment predictions made as of the day after the month end
-- that got a date (null when no predictions were made for that day, or every one of them is beyond the
-- no-prediction rules: too far past due, in dispute, no recent contact). Only customers in the pack's scope
-- ($scope_dimension, $scope_member; 'company' = all).
with snapshot as materialized (
    select customer_id, document_id, open_amount_rc, days_past_due, is_past_due
    from fct_ar_snapshot_monthly where month_end = $month_end
      and customer_id in (select customer_id from customers_in_scope($scope_dimension, $scope_member))
),
past_due as (
    select customer_id,
           sum(open_amount_rc) as past_due_amount,
           count(*) as past_due_items,
           max(days_past_due) as oldest_days_past_due,
           sum(open_amount_rc * days_past_due) / sum(open_amount_rc) as weighted_days_past_due
    from snapshot where is_past_due and open_amount_rc > 0
    group by customer_id
),
top_customers as materialized (
    select * from past_due order by past_due_amount desc, customer_id limit $top
),
balance as (
    select customer_id, sum(open_amount_rc) as open_balance from snapshot
    where customer_id in (select customer_id from top_customers) group by customer_id
),
open_disputes as (
    select d.customer_id, count(*) as open_disputes, sum(s.open_amount_rc) as disputed_open_amount
    from stg_disputes d
    left join snapshot s on s.document_id = d.document_id
    where d.opened_date <= $month_end and (d.resolved_date is null or d.resolved_date > $month_end)
      and d.customer_id in (select customer_id from top_customers)
    group by d.customer_id
),
last_contact as (
    select customer_id, activity_date as last_contact_date,
           activity_type || coalesce(' (' || outcome || ')', '') as last_contact
    from stg_collection_activities
    where activity_date <= $month_end and customer_id in (select customer_id from top_customers)
    qualify row_number() over (partition by customer_id order by activity_date desc, activity_id desc) = 1
),
latest_promise as (
    select p.customer_id, p.promised_pay_date, p.promised_amount, p.currency_code as promise_currency,
           p.promise_date, p.document_id, p.promised_pay_date + 2 as grace_date
    from stg_promises_to_pay p
    where p.promise_date <= $month_end and p.customer_id in (select customer_id from top_customers)
    qualify row_number() over (partition by p.customer_id order by p.promise_date desc, p.promise_id desc) = 1
),
promise_paid as (
    select p.customer_id, coalesce(sum(a.amount), 0) as paid
    from latest_promise p
    left join stg_applications a on a.document_id = p.document_id
         and a.application_date >= p.promise_date and a.application_date <= least(p.grace_date, $month_end)
    group by p.customer_id
),
prediction_run as (
    select max(run_id) as run_id from payment_predictions where as_of = $month_end + 1
),
predicted as (
    select s.customer_id,
           date '1970-01-01' + cast(round(sum(p.open_amount_rc * (p.expected_pay_date - date '1970-01-01')) / sum(p.open_amount_rc)) as integer) as predicted_pay_date
    from payment_predictions p
    join prediction_run r on p.run_id = r.run_id
    join snapshot s on s.document_id = p.document_id and s.is_past_due
    where p.as_of = $month_end + 1 and p.open_amount_rc > 0 and p.expected_pay_date is not null and s.customer_id in (select customer_id from top_customers)
    group by s.customer_id
),
ranked as (
    select row_number() over (order by t.past_due_amount desc, t.customer_id) as rank,
           t.customer_id, c.customer_name, c.segment, c.region, c.collector, coalesce(c.bpo_team, 'Unassigned') as owner,
           b.open_balance, t.past_due_amount, t.past_due_items, t.oldest_days_past_due, t.weighted_days_past_due,
           coalesce(d.open_disputes, 0) as open_disputes, coalesce(d.disputed_open_amount, 0) as disputed_open_amount,
           l.last_contact_date, l.last_contact, $month_end - l.last_contact_date as last_contact_days,
           p.promise_date, p.promised_pay_date, p.promised_amount, p.promise_currency,
           case when p.customer_id is null then null
                when p.grace_date > $month_end then 'open'
                when x.paid >= p.promised_amount then 'kept'
                else 'broken' end as promise_status,
           pr.predicted_pay_date
    from top_customers t
    join stg_customers c using (customer_id)
    join balance b using (customer_id)
    left join open_disputes d using (customer_id)
    left join last_contact l using (customer_id)
    left join latest_promise p using (customer_id)
    left join promise_paid x using (customer_id)
    left join predicted pr using (customer_id)
)
-- share_covered: the share of all past-due AR in scope that this customer and those above it hold.
-- next_action: the strongest of the collector's next steps, in the worklist's order.
select *,
       sum(past_due_amount) over (order by rank) / (select sum(past_due_amount) from past_due) as share_covered,
       case when promise_status = 'broken' then 'call back: promise of ' || strftime(promised_pay_date, '%d %b') || ' broken'
            when open_disputes > 0 then 'chase ' || open_disputes || (case when open_disputes = 1 then ' dispute' else ' disputes' end) || ' to resolution'
            when oldest_days_past_due > 90 then 'escalate: ' || oldest_days_past_due || ' days past due'
            when last_contact_days is null then 'call: never contacted'
            when last_contact_days > 30 then 'call: no contact for ' || last_contact_days || ' days'
            when promise_status = 'open' then 'await promise of ' || strftime(promised_pay_date, '%d %b')
            else 'keep chasing (contacted ' || last_contact_days || case when last_contact_days = 1 then ' day ago)' else ' days ago)' end end as next_action
from ranked
order by rank
