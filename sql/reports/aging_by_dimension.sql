-- Pack, Aging sheet: the month's aging by customer segment and by region, amounts in the reporting currency and
-- each bucket's share of the member's total open.
with buckets as (
    select case when grouping(c.segment) = 0 then 'segment' else 'region' end as dimension,
           coalesce(c.segment, c.region) as member,
           sum(a.current_amount) as current_amount, sum(a.d1_30_amount) as d1_30_amount, sum(a.d31_60_amount) as d31_60_amount,
           sum(a.d61_90_amount) as d61_90_amount, sum(a.d91_120_amount) as d91_120_amount, sum(a.d120_plus_amount) as d120_plus_amount,
           sum(a.unapplied_credit_amount) as unapplied_credit_amount, sum(a.total_open) as total_open
    from fct_customer_aging_monthly a join stg_customers c using (customer_id)
    where a.month_end = $month_end
    group by grouping sets ((c.segment), (c.region))
)
select *,
       current_amount / nullif(total_open, 0) as current_pct,
       (d1_30_amount + d31_60_amount + d61_90_amount + d91_120_amount + d120_plus_amount) / nullif(total_open, 0) as past_due_pct,
       (d91_120_amount + d120_plus_amount) / nullif(total_open, 0) as over_90_pct
from buckets
order by dimension desc, total_open desc
