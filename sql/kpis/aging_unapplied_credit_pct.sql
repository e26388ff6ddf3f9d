-- Aging profile, bucket 'unapplied credit': AR at month end in the bucket / AR at month end x 100.
-- The bucket amount itself is the numerator. Buckets come from fct_ar_snapshot_monthly and add up to AR.
select s.month_end as period_end, s.customer_id,
       sum(case when s.aging_bucket = 'unapplied credit' then s.open_amount_rc else 0 end) as numerator,
       sum(s.open_amount_rc) as denominator
from fct_ar_snapshot_monthly s
group by s.month_end, s.customer_id
