-- grain: month_end, customer_id
-- materialized: table
-- The payment-behaviour factors of every customer active at a month end (a row in fct_customer_month), each known on
-- that date from facts dated on or before it only: invoices settled by cash in the last 12 months (how many, the share
-- paid after the due date, mean days late, and the late share of the last 3 months against the 9 before), promises
-- whose grace date passed in the last 12 months and were broken, disputes opened in the last 12 months, the share of
-- AR past due, AR over the credit limit (converted at the month end's rate) and months since the first document. The
-- credit limit is the master data's as it stands: no history of limits is kept, so a changed limit changes the use of
-- every month end at the next full refresh. The customer score (issue 23) gives these points. A settlement is dated by the day the invoice's balance first reached
-- zero, which depends only on events up to that day: one dated after the month end is not seen.
with active as (
    select month_end, customer_id, ar_end_rc, past_due_ar_rc from fct_customer_month
    where month_end >= month_ends_from()
),

-- monthly counts by customer (the month of the settlement, the promise's grace date, the dispute's opening), in one
-- stream; history adds up the 12 months to each month end
monthly as (
    select customer_id, month_end, invoices_settled as settled, settled_late as late, days_late, 0 as broken, 0 as disputes
    from int_customer_settlements_monthly where month_end >= month_ends_from() - interval 12 month
    union all
    select customer_id, last_day(grace_date), 0, 0, 0, count(*) filter (where not kept), 0
    from int_promise_outcomes where grace_date >= month_ends_from() - interval 12 month
    group by all
    union all
    select customer_id, last_day(opened_date), 0, 0, 0, 0, count(*)
    from stg_disputes where opened_date >= month_ends_from() - interval 12 month
    group by all
),
history as (
    select a.month_end, a.customer_id,
           coalesce(sum(m.settled), 0) as settled_12m,
           coalesce(sum(m.late), 0) as late_12m,
           coalesce(sum(m.days_late), 0) as days_late_12m,
           coalesce(sum(m.settled) filter (where m.month_end > last_day(a.month_end - interval 3 month)), 0) as settled_3m,
           coalesce(sum(m.late) filter (where m.month_end > last_day(a.month_end - interval 3 month)), 0) as late_3m,
           coalesce(sum(m.broken), 0) as broken_promises_12m,
           coalesce(sum(m.disputes), 0) as disputes_12m
    from active a
    left join monthly m on m.customer_id = a.customer_id
         and m.month_end <= a.month_end and m.month_end > last_day(a.month_end - interval 12 month)
    group by all
),
first_document as (
    -- a customer active at a month end has a document dated on or before it: the first is never a later one
    select customer_id, min(document_date) as first_document_date from stg_documents group by all
),
credit_limits as (
    -- the credit limit in the reporting currency at the month end's rate (a limit of 0 is no limit: its use is unknown)
    select a.month_end, a.customer_id, round(c.credit_limit * r.rate, 2) as credit_limit_rc
    from active a
    join stg_customers c using (customer_id)
    asof left join stg_fx_rates_to_reporting r on r.currency_code = c.currency_code and a.month_end >= r.rate_date
)

select
    a.month_end,
    a.customer_id,
    t.settled_12m::bigint as invoices_settled_12m,
    case when t.settled_12m > 0 then t.late_12m / t.settled_12m end as late_share_12m,
    case when t.settled_12m > 0 then t.days_late_12m / t.settled_12m end as mean_days_late_12m,
    -- late share of the last 3 months less that of the 9 before (0 when either has no settlement)
    case when t.settled_3m > 0 and t.settled_12m > t.settled_3m
         then t.late_3m / t.settled_3m - (t.late_12m - t.late_3m) / (t.settled_12m - t.settled_3m)
         else 0 end as late_share_trend,
    t.broken_promises_12m::bigint as broken_promises_12m,
    t.disputes_12m::bigint as disputes_12m,
    case when a.ar_end_rc > 0 then a.past_due_ar_rc / a.ar_end_rc else 0 end as past_due_share,
    case when l.credit_limit_rc > 0 then a.ar_end_rc / l.credit_limit_rc end as credit_limit_use,
    date_diff('month', f.first_document_date, a.month_end) as tenure_months
from active a
join history t using (month_end, customer_id)
left join credit_limits l using (month_end, customer_id)
left join first_document f using (customer_id)
