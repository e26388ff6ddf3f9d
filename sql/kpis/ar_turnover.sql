-- AR turnover = credit sales of the last 12 months / average of the 13 month-end AR balances (this month end
-- and the 12 before). Parts, exact and additive: numerator = 12-month sales x 13; denominator = sum of the 13 balances.
-- only the months computed (kpi_first_day()) and what they reach back to: 12 months of sales, 13 month ends of AR
with months as (select * from int_month_ends where month_end >= kpi_first_day()),
sales as (select * from fct_credit_sales_monthly where month_end >= kpi_first_day() - interval 12 month),
-- each customer's AR at month end as fct_customer_month holds it (its open items summed: reading those took 0.4 s of
-- a 10M day's 0.66 s)
ar as (
    select month_end, customer_id, ar_end_rc from fct_customer_month
    where month_end >= kpi_first_day() - interval 13 month
),

sales_12m as (
    select m.month_end, s.customer_id, sum(s.credit_sales_rc) as amount
    from months m join sales s on s.month_end > m.month_end - interval 12 month and s.month_end <= m.month_end
    group by all
),

ar_13 as (
    select m.month_end, a.customer_id, sum(a.ar_end_rc) as amount
    from months m join ar a on a.month_end >= last_day(m.month_end - interval 12 month) and a.month_end <= m.month_end
    group by all
)

select coalesce(s.month_end, a.month_end) as period_end, coalesce(s.customer_id, a.customer_id) as customer_id,
       coalesce(s.amount, 0) * 13 as numerator, coalesce(a.amount, 0) as denominator
from sales_12m s full outer join ar_13 a on a.month_end = s.month_end and a.customer_id = s.customer_id
