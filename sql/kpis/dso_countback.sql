-- DSO, countback method (computed per group: not additive over members).
-- From AR at month end, subtract each month's credit sales going back, adding that month's days, until what
-- remains is smaller than a month's sales; then add remaining / that month's sales x its days.
-- {member} is the grouping expression over stg_customers c. Result: numerator = DSO, denominator = 1.
with ar as (
    select f.month_end, {member} as member, sum(f.ar_end_rc) as ar_end
    from fct_customer_month f join stg_customers c using (customer_id)
    where f.month_end >= kpi_first_day()  -- only the months computed; the countback reads every month's sales
    group by all
),
sales as (
    select s.month_end, {member} as member, sum(s.credit_sales_rc) as sales
    from fct_credit_sales_monthly s join stg_customers c using (customer_id)
    group by all
),
months as (select month_end, (month_end - month_start + 1) as days from int_month_ends),
back as (
    select a.month_end as period_end, a.member, a.ar_end, m.days, coalesce(s.sales, 0) as sales,
           row_number() over (partition by a.member, a.month_end order by m.month_end desc) as k
    from ar a
    join months m on m.month_end <= a.month_end
    left join sales s on s.member = a.member and s.month_end = m.month_end
),
cumulative as (
    select *,
           sum(sales) over w - sales as sales_before,
           sum(days) over w - days as days_before
    from back
    window w as (partition by member, period_end order by k rows unbounded preceding)
),
reached as (
    -- the first month going back whose sales cover what remains of AR
    select period_end, member, min(k) as k
    from cumulative
    where ar_end - sales_before <= sales and sales > 0
    group by all
)
select c.period_end, c.member,
       c.days_before + (c.ar_end - c.sales_before) / c.sales * c.days as numerator,
       1 as denominator
from cumulative c join reached r using (period_end, member, k)
