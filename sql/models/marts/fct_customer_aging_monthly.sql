-- grain: month_end, customer_id
-- materialized: table
-- Each customer's open receivables at every month end by aging bucket, in the reporting currency, for the pack's
-- aging by segment and region, its Aged debtors sheet and for analysts (the aging by month reads the aging KPIs,
-- which sum to these rows: AgingByMonthTests).
select
    month_end,
    customer_id,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = 'current'), 0) as current_amount,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = '1-30'), 0) as d1_30_amount,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = '31-60'), 0) as d31_60_amount,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = '61-90'), 0) as d61_90_amount,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = '91-120'), 0) as d91_120_amount,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = '120+'), 0) as d120_plus_amount,
    coalesce(sum(open_amount_rc) filter (where aging_bucket = 'unapplied credit'), 0) as unapplied_credit_amount,
    sum(open_amount_rc) as total_open
from fct_ar_snapshot_monthly
group by month_end, customer_id
