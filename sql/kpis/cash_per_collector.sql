-- Cash collected per collector: cash applied in the month to invoices of the customers of collectors /
-- active collectors (a named collector with a customer that has AR at month end or cash applied in the month).
-- Computed per group: distinct collectors do not add up over members. Every dimension at once: cash is summed by
-- customer cell, and a cell is active in a month when one of its customers is; a member's collectors are those of its
-- active cells (the collector is one of a cell's members; _kpi_member_cells: cell, dimension, member).
with cash as (
    -- only the months computed: each month stands alone
    select period_end, customer_id, sum(amount_rc) as amount from fct_payment_applications
    where period_end >= kpi_first_day() group by all
),
active as (
    select month_end as period_end, customer_id from fct_customer_month where ar_end_rc > 0 and month_end >= kpi_first_day()
    union
    select period_end, customer_id from cash
),
cells as (
    select a.period_end, cc.cell, sum(coalesce(x.amount, 0)) as amount
    from active a
    join _kpi_customer_cells cc using (customer_id)
    left join cash x using (period_end, customer_id)
    group by all
)
select c.period_end, mc.dimension, mc.member,
       sum(c.amount) as numerator,
       count(distinct case when k.collector <> 'Unassigned' then k.collector end) as denominator
from cells c
join _kpi_cells k using (cell)
join _kpi_member_cells mc using (cell)
group by all
