-- Past-due % = past-due AR at month end / AR at month end x 100.
select month_end as period_end, customer_id, past_due_ar_rc as numerator, ar_end_rc as denominator
from fct_customer_month
