-- DSO, countback method (computed per group: not additive over members).
-- From AR at month end, subtract each month's credit sales going back, adding that month's days, until what
-- remains is smaller than a month's sales; then add remaining / that month's sales x its days.
-- Every dimension at once: AR and sales are summed by customer cell, and each cell's sums count towards every member
-- it belongs to (_kpi_member_cells: cell, dimension, member). Result: numerator = DSO, denominator = 1.
with ar as (
    select f.month_end, mc.dimension, mc.member, sum(f.ar_end) as ar_end
    from (select f.month_end, cc.cell, sum(f.ar_end_rc) as ar_end
          from fct_customer_month f join _kpi_customer_cells cc using (customer_id)
          where f.month_end >= kpi_first_day()  -- only the months computed; the countback reads every month's sales
          group by all) f
    join _kpi_member_cells mc using (cell)
    group by all
),
sales as (
    select s.month_end, mc.dimension, mc.member, sum(s.sales) as sales
    from (select s.month_end, cc.cell, sum(s.credit_sales_rc) as sales
          from fct_credit_sales_monthly s join _kpi_customer_cells cc using (customer_id)
          group by all) s
    join _kpi_member_cells mc using (cell)
    group by all
),
months as (select month_end, (month_end - month_start + 1) as days from int_month_ends),
back as (
    select a.month_end as period_end, a.dimension, a.member, a.ar_end, m.days, coalesce(s.sales, 0) as sales,
           row_number() over (partition by a.dimension, a.member, a.month_end order by m.month_end desc) as k
    from ar a
    join months m on m.month_end <= a.month_end
    left join sales s on s.dimension = a.dimension and s.member = a.member and s.month_end = m.month_end
),
cumulative as (
    select *,
           sum(sales) over w - sales as sales_before,
           sum(days) over w - days as days_before
    from back
    window w as (partition by dimension, member, period_end order by k rows unbounded preceding)
),
reached as (
    -- the first month going back whose sales cover what remains of AR
    select period_end, dimension, member, min(k) as k
    from cumulative
    where ar_end - sales_before <= sales and sales > 0
    group by all
)
select c.period_end, c.dimension, c.member,
       c.days_before + (c.ar_end - c.sales_before) / c.sales * c.days as numerator,
       1 as denominator
from cumulative c join reached r using (period_end, dimension, member, k)
