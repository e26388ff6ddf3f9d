-- grain: calendar_date
-- materialized: table
-- Every calendar day from a year before the first fact to a year after the last, with its business-day
-- number: business days between two dates = business_day_number(later) - business_day_number(earlier).
-- A business day is Monday to Friday and not in holidays.
with bounds as (
    select min(d) - interval 1 year as first_day, max(d) + interval 1 year as last_day
    from (
        select min(document_date) as d from stg_documents union all select max(document_date) from stg_documents
        union all select min(value_date) from stg_receipts union all select max(value_date) from stg_receipts
        union all select current_date
    )
),

days as (
    select unnest(generate_series(first_day, last_day, interval 1 day))::date as calendar_date from bounds
),

flagged as (
    select
        d.calendar_date,
        isodow(d.calendar_date) <= 5 and h.holiday_date is null as is_business_day
    from days d
    left join holidays h on h.holiday_date = d.calendar_date
)

select
    calendar_date,
    is_business_day,
    sum(case when is_business_day then 1 else 0 end) over (order by calendar_date rows unbounded preceding)::integer as business_day_number
from flagged
