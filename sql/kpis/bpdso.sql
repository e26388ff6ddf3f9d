-- Best-possible DSO (same method and window as DSO, current AR only):
--   BPDSO = current AR_end / credit sales of the last 3 months * days in those 3 months
select
    month_end as period_end,
    customer_id,
    current_ar_rc * days_in_window3 as numerator,
    credit_sales_3m_rc as denominator
from fct_customer_month
