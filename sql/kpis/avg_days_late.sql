-- Average days late (amount-weighted, all cash applied in the month; on-time cash counts as 0 days):
--   sum(applied amount x max(0, application date - due date)) / sum(applied amount)
select period_end, customer_id, amount_rc * days_late as numerator, amount_rc as denominator
from fct_payment_applications
