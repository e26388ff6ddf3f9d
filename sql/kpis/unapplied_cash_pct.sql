-- Unapplied cash %: cash received but not applied (unapplied and on-account) at month end / AR at month end,
-- x 100. Unidentified receipts count for the company (member 'Unassigned' in customer dimensions).
with unapplied as (
    select month_end, customer_id, sum(unapplied_amount_rc) as amount from fct_unapplied_cash_monthly group by all
),
ar as (select month_end, customer_id, ar_end_rc from fct_customer_month)
select coalesce(u.month_end, a.month_end) as period_end, coalesce(u.customer_id, a.customer_id) as customer_id,
       coalesce(u.amount, 0) as numerator, coalesce(a.ar_end_rc, 0) as denominator
from unapplied u full outer join ar a on a.month_end = u.month_end and a.customer_id is not distinct from u.customer_id
