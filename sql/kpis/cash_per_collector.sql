-- Cash collected per collector: cash applied in the month to invoices of the customers of collectors /
-- active collectors (a named collector with a customer that has AR at month end or cash applied in the month).
-- Computed per group ({member} over stg_customers c): distinct collectors do not add up over members.
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
joined as (
    select a.period_end, {member} as member, c.collector, coalesce(x.amount, 0) as amount
    from active a
    join stg_customers c using (customer_id)
    left join cash x using (period_end, customer_id)
)
select period_end, member,
       sum(amount) as numerator,
       count(distinct case when collector <> 'Unassigned' then collector end) as denominator
from joined
group by all
