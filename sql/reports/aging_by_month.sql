-- Pack, Aging sheet: open receivables by aging bucket at every month end up to $month_end, in the reporting
-- currency, with each bucket's share of the total open (credits not linked to an invoice included, so the
-- shares add up to 100%). Only the customers in the pack's scope ($scope_dimension, $scope_member; 'company' = all).
-- Read from the aging KPIs as stored (kpi_values: each bucket's amount is its KPI's numerator, the total open its
-- denominator, summed over the scope's customers), so the sheet and the KPIs are one computation.
with buckets as (
    select period_end as month_end,
           sum(numerator) filter (where kpi_id = 'aging_current_pct') as current_amount,
           sum(numerator) filter (where kpi_id = 'aging_1_30_pct') as d1_30_amount,
           sum(numerator) filter (where kpi_id = 'aging_31_60_pct') as d31_60_amount,
           sum(numerator) filter (where kpi_id = 'aging_61_90_pct') as d61_90_amount,
           sum(numerator) filter (where kpi_id = 'aging_91_120_pct') as d91_120_amount,
           sum(numerator) filter (where kpi_id = 'aging_120_plus_pct') as d120_plus_amount,
           sum(numerator) filter (where kpi_id = 'aging_unapplied_credit_pct') as unapplied_credit_amount,
           sum(denominator) filter (where kpi_id = 'aging_current_pct') as total_open
    from kpi_values
    where kpi_id like 'aging\_%' escape '\'
      and period_end <= $month_end and dimension = $scope_dimension
      and (dimension = 'company' or member = $scope_member)
    group by period_end
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
