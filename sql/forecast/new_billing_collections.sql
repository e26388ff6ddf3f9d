-- Expected cash from invoices not yet issued on each forecast date (_forecast_origins.as_of), by week.
--
-- Billing per day for the 91 days from the date: the same days a year earlier (the mean day of the 7 around the
-- day 364 days before, which keeps quarter-end peaks in place) scaled by growth (the last 91 days' billing
-- against the same 91 days a year before); with less than a year and a quarter of history, the mean day of the
-- last 91 days. Collection curve: the share of an invoice's amount applied as cash d days after its date
-- (d = 0..90), over the invoices issued in the 365 days that ended 91 days before the date, so every lag read is
-- fully observed before it. Receipts on day t = sum over issue days s <= t of billing(s) x curve(t - s).
-- Invoices and debit memos only; opening open items are balances, not billing.
--
-- Creates _forecast_new_billings (origin x week: billing expected in the week, cash expected in it from billing).
CREATE OR REPLACE TEMP TABLE _forecast_new_billings AS
with origins as (select distinct as_of from _forecast_origins),
rates as (select * from stg_fx_rates_to_reporting),

billed_documents as (
    select d.document_id, d.document_date, round(d.amount * r.rate, 2) as billed_rc, r.rate
    from stg_documents d
    asof left join rates r on r.currency_code = d.currency_code and d.document_date >= r.rate_date
    where d.document_type <> 'credit_memo' and d.opening_balance_date is null
),
billing as (select document_date as day, sum(billed_rc) as billed_rc from billed_documents group by 1),
first_day as (select min(day) as first_day from billing),

run_rate as (
    select g.as_of,
           -- a history shorter than 91 days is averaged over the days it has
           coalesce(sum(b.billed_rc) filter (where b.day >= g.as_of - 91), 0) / greatest(1, least(91, g.as_of - f.first_day)) as recent_daily,
           sum(b.billed_rc) filter (where b.day >= g.as_of - 91 - 364 and b.day < g.as_of - 364) / 91 as year_ago_daily,
           f.first_day <= g.as_of - 91 - 364 as has_year
    from origins g cross join first_day f
    left join billing b on b.day < g.as_of and b.day >= g.as_of - 91 - 364
    group by g.as_of, f.first_day
),

days as (select g.as_of, unnest(range(0, 91))::integer as offset_days from origins g),

year_ago as (
    select d.as_of, d.offset_days, coalesce(sum(b.billed_rc), 0) / 7 as daily
    from days d
    left join billing b on b.day between d.as_of + d.offset_days - 367 and d.as_of + d.offset_days - 361
    group by all
),

planned as (
    select d.as_of, d.offset_days,
           case when r.has_year and r.year_ago_daily > 0 then y.daily * r.recent_daily / r.year_ago_daily
                else r.recent_daily end as billed_rc
    from days d
    join run_rate r using (as_of)
    join year_ago y using (as_of, offset_days)
),

curve_base as (
    select g.as_of, sum(b.billed_rc) as billed_rc
    from origins g join billed_documents b on b.document_date >= g.as_of - 91 - 365 and b.document_date < g.as_of - 91
    group by 1
),
curve as (
    select g.as_of, a.application_date - b.document_date as lag_days,
           sum(a.amount * b.rate) / any_value(c.billed_rc) as share
    from origins g
    join curve_base c using (as_of)
    join billed_documents b on b.document_date >= g.as_of - 91 - 365 and b.document_date < g.as_of - 91
    join stg_applications a on a.document_id = b.document_id and a.application_date - b.document_date between 0 and 90
    group by all
),

receipts as (
    select p.as_of, (p.offset_days + c.lag_days) // 7 + 1 as week, sum(p.billed_rc * c.share) as expected_rc
    from planned p join curve c on c.as_of = p.as_of and p.offset_days + c.lag_days < 91
    group by all
),

billing_weeks as (
    select as_of, offset_days // 7 + 1 as week, sum(billed_rc) as billed_rc from planned group by all
)

select w.as_of, w.week, w.billed_rc, coalesce(r.expected_rc, 0) as expected_rc
from billing_weeks w left join receipts r using (as_of, week);
