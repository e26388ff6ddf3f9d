-- Average days to pay (amount-weighted), on cash applied in the month:
--   sum(applied amount x (application date - invoice date)) / sum(applied amount)
select period_end, customer_id, amount_rc * days_to_pay as numerator, amount_rc as denominator
from fct_payment_applications
