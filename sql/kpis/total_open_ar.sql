-- Total open AR at month end (reporting currency, month-end rate): a sum, not a ratio.
select month_end as period_end, customer_id, ar_end_rc as numerator, null::decimal as denominator
from fct_customer_month
