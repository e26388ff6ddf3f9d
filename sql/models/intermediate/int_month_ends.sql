-- grain: month_end
-- materialized: table
-- The reporting months: every calendar month from the first document's month to the last month that holds
-- any fact. A month closes on its last calendar day. window3_* describe the 3-month window of period DSO.
-- Opening open items (opening_balance_date set) are balances brought at the start: the months begin the month
-- after their opening balance date, and their own (older) document dates start no month.
with fact_dates as (
    select min(document_date) as first_date, max(document_date) as last_date from stg_documents where opening_balance_date is null
    union all select min(value_date), max(value_date) from stg_receipts
    union all select min(application_date), max(application_date) from stg_applications
),

opening as (select max(opening_balance_date) + 1 as day_after from stg_documents),

bounds as (
    select date_trunc('month', greatest(min(f.first_date), o.day_after))::date as first_month,
           date_trunc('month', greatest(max(f.last_date), o.day_after))::date as last_month
    from fact_dates f cross join opening o
    group by o.day_after
),

months as (
    select unnest(generate_series(first_month, last_month, interval 1 month))::date as month_start from bounds
)

select
    last_day(month_start) as month_end,
    month_start,
    (row_number() over (order by month_start) - 1)::integer as month_index,
    (month_start - interval 1 day)::date as prior_month_end,
    (month_start - interval 2 month)::date as window3_start,
    (last_day(month_start) - (month_start - interval 2 month)::date + 1)::integer as days_in_window3
from months
