-- AR over 90 days % = AR more than 90 days past due at month end / AR at month end x 100.
select s.month_end as period_end, s.customer_id,
       sum(case when s.days_past_due > 90 then s.open_amount_rc else 0 end) as numerator,
       sum(s.open_amount_rc) as denominator
from fct_ar_snapshot_monthly s
group by s.month_end, s.customer_id
