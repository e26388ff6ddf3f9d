-- grain: month_end, receipt_id
-- materialized: table
-- Cash received but not (yet) applied at every month end: receipt amount less applications dated on or
-- before the month end, converted at the month-end rate. Unidentified receipts have no customer.
with receipts as (select * from stg_receipts where in_refresh(receipt_id)),
applications as (select * from stg_applications where in_refresh(receipt_id)),
months as (select month_end from int_month_ends),
rates as (select * from stg_fx_rates_to_reporting),

events as (
    select receipt_id, event_date, sum(delta) as delta
    from (
        select receipt_id, value_date as event_date, amount as delta from receipts
        union all
        select receipt_id, application_date, -amount from applications
    )
    group by receipt_id, event_date
),

balances as (
    -- the unapplied balance holds from one event date until the next
    select receipt_id,
           event_date as valid_from,
           lead(event_date) over (partition by receipt_id order by event_date) as valid_until,
           sum(delta) over (partition by receipt_id order by event_date rows unbounded preceding) as unapplied_amount
    from events
),

open_cash as (
    select m.month_end, b.receipt_id, r.customer_id, r.currency_code, b.unapplied_amount::decimal(18,3) as unapplied_amount
    from balances b
    join months m on m.month_end >= b.valid_from and (b.valid_until is null or m.month_end < b.valid_until)
    join receipts r on r.receipt_id = b.receipt_id
    where b.unapplied_amount > 0
)

select o.*, round(o.unapplied_amount * r.rate, 2)::decimal(18,2) as unapplied_amount_rc
from open_cash o
asof left join rates r on r.currency_code = o.currency_code and o.month_end >= r.rate_date
