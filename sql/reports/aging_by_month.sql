-- Pack, Aging sheet: open receivables by aging bucket at every month end up to $month_end, in the reporting
-- currency, with each bucket's share of the total open (credits not linked to an invoice included, so the
-- shares add up to 100%). Only the customers in the pack's scope ($scope_dimension, $scope_member; 'company' = all).
with buckets as (
    select month_end,
           sum(current_amount) as current_amount, sum(d1_30_amount) as d1_30_amount, sum(d31_60_amount) as d31_60_amount,
           sum(d61_90_amount) as d61_90_amount, sum(d91_120_amount) as d91_120_amount, sum(d120_plus_amount) as d120_plus_amount,
           sum(unapplied_credit_amount) as unapplied_credit_amount, sum(total_open) as total_open
    from fct_customer_aging_monthly
    where month_end <= $month_end
      and customer_id in (select customer_id from customers_in_scope($scope_dimension, $scope_member))
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
