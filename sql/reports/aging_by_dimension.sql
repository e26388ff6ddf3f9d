-- Pack, Aging sheet: the month's aging by customer segment and by region, amounts in the reporting currency and
-- each bucket's share of the member's total open.
with snapshot as (
    select s.aging_bucket, s.open_amount_rc, c.segment, c.region
    from fct_ar_snapshot_monthly s join stg_customers c using (customer_id)
    where s.month_end = $month_end
),
buckets as (
    select case when grouping(segment) = 0 then 'segment' else 'region' end as dimension,
           coalesce(segment, region) as member,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = 'current'), 0) as current_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '1-30'), 0) as d1_30_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '31-60'), 0) as d31_60_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '61-90'), 0) as d61_90_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '91-120'), 0) as d91_120_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '120+'), 0) as d120_plus_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = 'unapplied credit'), 0) as unapplied_credit_amount,
           sum(open_amount_rc) as total_open
    from snapshot
    group by grouping sets ((segment), (region))
)
select *,
       current_amount / nullif(total_open, 0) as current_pct,
       (d1_30_amount + d31_60_amount + d61_90_amount + d91_120_amount + d120_plus_amount) / nullif(total_open, 0) as past_due_pct,
       (d91_120_amount + d120_plus_amount) / nullif(total_open, 0) as over_90_pct
from buckets
order by dimension desc, total_open desc
