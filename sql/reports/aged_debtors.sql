-- Pack, Aged debtors sheet: the customers with the largest open balance at $month_end ($top of them), each with
-- its aging buckets in the reporting currency, and one closing line for all other customers so the sheet adds up
-- to the total open AR. Bounded in size whatever the number of customers.
with ranked as materialized (
    select *, row_number() over (order by total_open desc, customer_id) as rank
    from fct_customer_aging_monthly where month_end = $month_end
),
top_rows as (
    select r.rank, r.customer_id, c.customer_name, c.segment, c.region, c.collector,
           r.current_amount, r.d1_30_amount, r.d31_60_amount, r.d61_90_amount, r.d91_120_amount, r.d120_plus_amount,
           r.unapplied_credit_amount, r.total_open
    from ranked r join stg_customers c using (customer_id)
    where r.rank <= $top
),
rest as (
    select null::bigint as rank, null::varchar as customer_id,
           'All other ' || count(*) || ' customers' as customer_name, null::varchar as segment, null::varchar as region, null::varchar as collector,
           sum(current_amount), sum(d1_30_amount), sum(d31_60_amount), sum(d61_90_amount), sum(d91_120_amount), sum(d120_plus_amount),
           sum(unapplied_credit_amount), sum(total_open)
    from ranked where rank > $top
    having count(*) > 0
)
select *, (d1_30_amount + d31_60_amount + d61_90_amount + d91_120_amount + d120_plus_amount) as past_due_amount
from (select * from top_rows union all select * from rest)
order by rank nulls last
