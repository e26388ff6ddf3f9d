-- `o2c aging --as-of DATE`: open receivables at the end of $as_of (every balance event dated on or before it: issue,
-- credit memos, cash applied, write-offs; open_items_as_of), in the reporting currency at the rate in force that day
-- (the latest published on or before it), by group ($group: the company, a customer dimension, or the customer) and
-- aging bucket. Days past due = $as_of - due date; {buckets} is the CASE AgingBuckets writes from the boundaries
-- (default current <= 0, 1-30, 31-60, 61-90, 91-120, 120+); credit memos not linked to an invoice have no due date
-- and are 'unapplied credit'. Items in a currency with no rate on or before $as_of are counted, not valued.
with items as (
    select o.*, c.customer_name,
           case when $group = 'customer' then o.customer_id || ' ' || coalesce(c.customer_name, '')
                else coalesce(m.member, 'Unassigned') end as grp
    from open_items_as_of($as_of) o
    left join stg_customers c using (customer_id)
    left join customer_dimension_members() m on m.customer_id = o.customer_id and m.dimension = $group
    where $customer is null or o.customer_id = $customer
),
rates as (
    select currency_code, rate from stg_fx_rates_to_reporting where rate_date <= $as_of
    qualify row_number() over (partition by currency_code order by rate_date desc) = 1
)
select i.grp as "group",
       {buckets} as bucket,
       count(*) as items,
       sum(round(i.open_amount * r.rate, 2)) as amount_rc,
       count(*) filter (where r.rate is null) as items_without_rate
from items i left join rates r using (currency_code)
group by all
order by 1, 2
