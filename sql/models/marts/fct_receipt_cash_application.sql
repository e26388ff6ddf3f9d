-- grain: receipt_id
-- materialized: table
-- Each receipt with how it was applied by the end of the month of its value date: fully or not,
-- automatically or with a manual touch. Applications dated after that month end do not count for it.
with receipts as (select * from stg_receipts where in_refresh(receipt_id)),
applications as (select * from stg_applications where in_refresh(receipt_id)),
rates as (select * from stg_fx_rates_to_reporting),

applied as (
    select r.receipt_id,
           sum(a.amount) as applied_amount,
           max(a.application_date) as last_application_date,
           count(*) filter (where a.match_method = 'manual') as manual_applications,
           count(*) filter (where a.match_method = 'auto') as auto_applications
    from receipts r
    join applications a on a.receipt_id = r.receipt_id and a.application_date <= last_day(r.value_date)
    group by r.receipt_id
),

converted as (
    select r.*, round(r.amount * x.rate, 2)::decimal(18,2) as amount_rc
    from receipts r
    asof left join rates x on x.currency_code = r.currency_code and r.value_date >= x.rate_date
),

final as (
    select
        c.receipt_id,
        c.customer_id,
        last_day(c.value_date) as period_end,
        c.value_date,
        c.posted_date,
        c.currency_code,
        c.amount,
        c.amount_rc,
        coalesce(a.applied_amount, 0)::decimal(18,3) as applied_by_period_end,
        -- the latest application counted (none: NULL); a refresh finds by it the receipts a withdrawn application touched
        a.last_application_date,
        coalesce(a.manual_applications, 0) as manual_applications,
        coalesce(a.auto_applications, 0) as auto_applications,
        coalesce(a.applied_amount, 0) = c.amount as is_fully_applied,
        coalesce(a.applied_amount, 0) = c.amount and coalesce(a.manual_applications, 0) = 0
            and coalesce(a.auto_applications, 0) > 0 as is_straight_through
    from converted c
    left join applied a using (receipt_id)
)

select * from final
