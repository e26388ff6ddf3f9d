-- Expected cash from the receivables open on each forecast date's morning (_forecast_origins.as_of), by week,
-- from how items like them actually paid in the history before that date (roll rates).
--
-- An open item's "like" is its cell at the evening before a date: how far it is from its due date (due in 0..9+
-- weeks, or past due 1-7 / 8-14 / 15-30 / 31-60 / 61-90 / 91-180 / 181-365 / 365+ days), whether a dispute on it
-- is open, and how its customer pays (median days late of its invoices settled by cash so far: new, on time,
-- 1-10, 11-30, over 30). For every earlier month end we know which items were open in each cell and how much
-- of their open amount was applied as cash in each of the 13 weeks that followed, and in weeks 14-26. A cell's
-- rate for week k is (cash applied in week k) / (open amount), summed over the 12 latest month ends whose week
-- k had ended before the forecast date: nothing dated on or after it is read. Small cells borrow strength from
-- the coarser cell (same band and dispute state; then the band alone) with weight n / (n + 30) for n items.
-- What is not expected as cash within 26 weeks (credits, write-offs, very slow payers) is the allowance.
--
-- An item in a currency without a rate on the evening has no reporting-currency amount: it is kept with open_rc
-- NULL, left out of every sum, and counted apart (the forecast says so), never valued at 0.
--
-- Creates _forecast_open_items (one row per origin and open item) and _forecast_open_ar (origin x week).
CREATE OR REPLACE TEMP TABLE _forecast_open_items AS
with origins as (select distinct as_of from _forecast_origins),
rates as (select * from stg_fx_rates_to_reporting),
documents as (select document_id, customer_id, document_date, due_date, currency_code from stg_documents where document_type <> 'credit_memo'),

-- history evenings: month ends before the latest forecast date, and no earlier than any origin can use: the 12
-- latest whose week 14-26 had ended (182 days) reach back at most 182 + 366 days, so month ends more than 600 days
-- before the earliest origin are never eligible. Leaving them out changes no rate and spares the customer-behaviour
-- step below most of a long history.
history_evenings as (
    select month_end as evening from int_month_ends
    where month_end < (select max(as_of) from origins) and month_end >= (select min(as_of) from origins) - 600
),

-- items open on each history evening (events dated on or before it) and on each origin's evening (before as_of)
history_items as (
    select o.month_end as evening, o.document_id, o.open_amount
    from int_document_open_asof_month_end o
    join history_evenings h on h.evening = o.month_end
    where o.open_amount > 0
),
-- An origin on a month start reads the month-end snapshot, which holds the same sums already made (events dated on or
-- before the evening); only an origin on another day sums its events (13 origins at 1M invoices: 22 million event
-- rows joined and grouped, 7.7 s of the query's 15).
origin_items as (
    select g.as_of - 1 as evening, o.document_id, o.open_amount
    from origins g join int_document_open_asof_month_end o on o.month_end = g.as_of - 1
    where o.open_amount > 0
    union all
    select g.as_of - 1 as evening, e.document_id, sum(e.delta) as open_amount
    from int_document_balance_events e
    join (select as_of from origins where as_of - 1 not in (select month_end from int_month_ends)) g on e.event_date < g.as_of
    group by all
    having sum(e.delta) > 0
),
items as (
    select 'history' as role, * from history_items
    union all
    select 'origin', * from origin_items
),

evenings as (select distinct evening from items),

-- the rate in force on each evening, per currency: a few hundred rows joined by equality (an ASOF join of every item
-- and evening to the daily rates took 25 of the query's 73 s at 10M invoices)
evening_rates as (
    select v.evening, c.currency_code, r.rate
    from evenings v cross join (select distinct currency_code from documents) c
    asof left join rates r on r.currency_code = c.currency_code and v.evening >= r.rate_date
),

-- how each customer pays, as known on each evening: median days late (negative = early) of invoices settled by
-- cash on or before it. One ordered pass per customer: settlements (key 2d) and the evenings' questions (key 2e + 1)
-- in one stream, the median over the frame up to each question, so a settlement counts for every evening on or
-- after its day. (A join of every evening to every earlier settlement, grouped, gave the same rows, 336,069 of them
-- at 1M invoices, but cost 8 of the query's 9 s; CustomerHabitTests holds the two equal on the sample.)
behaviour as (
    select evening, customer_id, median_days_late, median_days_to_pay from (
        select customer_id, evening,
               median(days_late) over history as median_days_late,
               median(days_to_pay) over history as median_days_to_pay
        from (
            select s.customer_id, 2 * (s.settled_date - date '2000-01-01') as k, null::date as evening,
                   s.settled_date - s.due_date as days_late, s.settled_date - s.document_date as days_to_pay
            from int_document_settlement s
            where s.settled_by_cash and s.settled_date <= (select max(evening) from evenings)
            union all
            select c.customer_id, 2 * (v.evening - date '2000-01-01') + 1, v.evening, null, null
            from (select distinct customer_id from int_document_settlement where settled_by_cash) c cross join evenings v
        )
        window history as (partition by customer_id order by k rows between unbounded preceding and current row)
    )
    where evening is not null and median_days_late is not null
),

open_disputes as (
    select distinct v.evening, d.document_id
    from stg_disputes d join evenings v
      on d.opened_date <= v.evening and (d.resolved_date is null or d.resolved_date > v.evening)
    where d.document_id is not null
),

cells as (
    select
        i.role, i.evening, i.document_id, d.customer_id,
        i.evening - d.due_date as days_past_due,
        case
            when i.evening - d.due_date <= 0 then least(9, (d.due_date - i.evening) // 7) - 9   -- -9 .. 0: due within a week .. due in 9+ weeks
            when i.evening - d.due_date <= 7 then 1
            when i.evening - d.due_date <= 14 then 2
            when i.evening - d.due_date <= 30 then 3
            when i.evening - d.due_date <= 60 then 4
            when i.evening - d.due_date <= 90 then 5
            when i.evening - d.due_date <= 180 then 6
            when i.evening - d.due_date <= 365 then 7
            else 8
        end as age_band,
        od.document_id is not null as disputed,
        case
            when b.median_days_late is null then 'new'
            when b.median_days_late <= 0 then 'on time'
            when b.median_days_late <= 10 then '1-10 late'
            when b.median_days_late <= 30 then '11-30 late'
            else 'over 30 late'
        end as behaviour,
        round(i.open_amount * r.rate, 2) as open_rc,
        r.rate,
        -- the naive forecast the roll rates must beat: invoice date + the customer's median days to pay so far
        -- (the due date without history), never before the forecast date
        greatest(i.evening + 1, d.document_date + coalesce(b.median_days_to_pay, d.due_date - d.document_date)::integer) as baseline_date
    from items i
    join documents d using (document_id)
    left join behaviour b on b.evening = i.evening and b.customer_id = d.customer_id
    left join open_disputes od on od.evening = i.evening and od.document_id = i.document_id
    left join evening_rates r on r.evening = i.evening and r.currency_code = d.currency_code
),

-- cash applied to each history item in each week after its evening (14 = weeks 14-26)
history_paid as (
    select c.evening, c.age_band, c.disputed, c.behaviour,
           case when a.application_date - c.evening <= 91 then (a.application_date - c.evening + 6) // 7 else 14 end as week,
           sum(a.amount * c.rate) as paid_rc
    from cells c
    join stg_applications a on a.document_id = c.document_id
     and a.application_date > c.evening and a.application_date <= c.evening + 182
    where c.role = 'history'
    group by all
),
history_open as (
    select evening, age_band, disputed, behaviour, count(*) as items, sum(open_rc) as open_rc
    from cells where role = 'history' group by all
),

weeks as (select unnest(range(1, 15))::integer as week),

-- for each origin and week: the 12 latest history evenings whose week had ended before the origin
eligible as (
    select * from (
        select g.as_of, w.week, h.evening,
               row_number() over (partition by g.as_of, w.week order by h.evening desc) as recency
        from origins g cross join weeks w join history_evenings h
          on h.evening + case when w.week = 14 then 182 else 7 * w.week end <= g.as_of - 1
    ) where recency <= 12
),

-- amounts per cell and week over the eligible evenings, at three levels of detail
level3 as (
    select e.as_of, e.week, o.age_band, o.disputed, o.behaviour,
           sum(o.items) as items, sum(o.open_rc) as open_rc,
           coalesce(sum(p.paid_rc), 0) as paid_rc
    from eligible e
    join history_open o on o.evening = e.evening
    left join history_paid p on p.evening = o.evening and p.week = e.week
     and p.age_band = o.age_band and p.disputed = o.disputed and p.behaviour = o.behaviour
    group by all
),
level2 as (
    select as_of, week, age_band, disputed, sum(items) as items, sum(paid_rc) / nullif(sum(open_rc), 0) as rate
    from level3 group by all
),
level1 as (
    select as_of, week, age_band, sum(items) as items, sum(paid_rc) / nullif(sum(open_rc), 0) as rate
    from level3 group by all
),

origin_cells as (select * from cells where role = 'origin'),

-- each origin cell's rate for each week, shrunk towards the coarser cells. A rate depends on the cell alone, so it is
-- worked out once per cell (thousands), not per item and week (7 million rows at 1M invoices).
cell_keys as (select distinct evening + 1 as as_of, age_band, disputed, behaviour from origin_cells),
cell_rates as (
    select k.as_of, k.age_band, k.disputed, k.behaviour, w.week,
           coalesce(
               (l3.items * (l3.paid_rc / nullif(l3.open_rc, 0)) + 30 * coalesce(
                    (l2.items * l2.rate + 30 * coalesce(l1.rate, 0)) / (l2.items + 30), l1.rate, 0)) / (l3.items + 30),
               (l2.items * l2.rate + 30 * coalesce(l1.rate, 0)) / (l2.items + 30),
               l1.rate, 0) as rate
    from cell_keys k cross join weeks w
    left join level1 l1 on l1.as_of = k.as_of and l1.week = w.week and l1.age_band = k.age_band
    left join level2 l2 on l2.as_of = k.as_of and l2.week = w.week and l2.age_band = k.age_band and l2.disputed = k.disputed
    left join level3 l3 on l3.as_of = k.as_of and l3.week = w.week and l3.age_band = k.age_band
     and l3.disputed = k.disputed and l3.behaviour = k.behaviour
),

cell_weeks as (
    select as_of, age_band, disputed, behaviour,
           list(rate order by week) as rates
    from cell_rates group by all
),

forecast_items as (
    select
        c.evening + 1 as as_of, c.document_id, c.customer_id, c.days_past_due, c.age_band, c.disputed, c.behaviour, c.open_rc, c.baseline_date,
        -- the week rates never promise more than the open amount: scaled down if they sum above 1
        list_transform(w.rates, x -> greatest(0, x) / greatest(1, list_sum(list_transform(w.rates, y -> greatest(0, y))))) as week_rates,
        -- the weeks the history speaks for: the latest week with an eligible month end (14: weeks 14-26 too, so what
        -- is left is the allowance; less: what is left is not yet known, not lost)
        coalesce((select max(e.week) from eligible e where e.as_of = c.evening + 1), 0) as history_weeks
    from origin_cells c join cell_weeks w on w.as_of = c.evening + 1 and w.age_band is not distinct from c.age_band
     and w.disputed = c.disputed and w.behaviour = c.behaviour
)

-- where each item's open amount goes: weeks 1-13, weeks 14-26 (or, with less history, "later"), the allowance
select *,
       open_rc * list_sum(week_rates[1:13]) as expected_13w_rc,
       open_rc * case when history_weeks = 14 then list_sum(week_rates[14:14]) else 1 - list_sum(week_rates[1:13]) end as expected_14_26_rc,
       open_rc * case when history_weeks = 14 then 1 - list_sum(week_rates) else 0 end as allowance_rc
from forecast_items;

CREATE OR REPLACE TEMP TABLE _forecast_open_ar AS
select i.as_of, w.week, sum(i.open_rc * i.week_rates[w.week]) as expected_rc,
       coalesce(sum(i.open_rc) filter (where (i.baseline_date - i.as_of) // 7 + 1 = w.week), 0) as baseline_rc
from _forecast_open_items i cross join (select unnest(range(1, 15))::integer as week) w
group by all;
