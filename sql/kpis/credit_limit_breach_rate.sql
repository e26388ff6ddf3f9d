-- Credit-limit breach rate = customers whose AR at month end exceeds their credit limit / customers with AR
-- at month end > 0, x 100. The limit (billing currency) converts at the month-end rate; no limit, no breach.
with ar as (select month_end, customer_id, sum(open_amount_rc) as ar_end_rc from fct_ar_snapshot_monthly group by all),
rates as (select * from stg_fx_rates_to_reporting),
limits as (
    select a.month_end, a.customer_id, a.ar_end_rc, round(c.credit_limit * r.rate, 2) as credit_limit_rc
    from ar a
    join stg_customers c using (customer_id)
    asof left join rates r on r.currency_code = c.currency_code and a.month_end >= r.rate_date
)
select month_end as period_end, customer_id,
       case when credit_limit_rc is not null and ar_end_rc > credit_limit_rc then 1 else 0 end as numerator,
       1 as denominator
from limits
where ar_end_rc > 0
