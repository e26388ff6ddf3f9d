-- Pack, Aging sheet: open receivables by aging bucket at every month end up to $month_end, in the reporting
-- currency, with each bucket's share of the total open (credits not linked to an invoice included, so the
-- shares add up to 100%).
with snapshot as (
    select month_end, aging_bucket, open_amount_rc from fct_ar_snapshot_monthly where month_end <= $month_end
),
buckets as (
    select month_end,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = 'current'), 0) as current_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '1-30'), 0) as d1_30_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '31-60'), 0) as d31_60_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '61-90'), 0) as d61_90_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '91-120'), 0) as d91_120_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = '120+'), 0) as d120_plus_amount,
           coalesce(sum(open_amount_rc) filter (where aging_bucket = 'unapplied credit'), 0) as unapplied_credit_amount,
           sum(open_amount_rc) as total_open
    from snapshot
    group by month_end
)
select *,
       current_amount / nullif(total_open, 0) as current_pct,
       d1_30_amount / nullif(total_open, 0) as d1_30_pct,
       d31_60_amount / nullif(total_open, 0) as d31_60_pct,
       d61_90_amount / nullif(total_open, 0) as d61_90_pct,
       d91_120_amount / nullif(total_open, 0) as d91_120_pct,
       d120_plus_amount / nullif(total_open, 0) as d120_plus_pct,
       unapplied_credit_amount / nullif(total_open, 0) as unapplied_credit_pct,
       (d1_30_amount + d31_60_amount + d61_90_amount + d91_120_amount + d120_plus_amount) / nullif(total_open, 0) as past_due_pct
from buckets
order by month_end
