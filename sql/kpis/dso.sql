-- DSO, period method over 3 months:
--   DSO = AR_end / credit sales of the last 3 months * days in those 3 months
-- Parts per customer: numerator = AR_end * days in window, denominator = credit sales of the window.
select
    month_end as period_end,
    customer_id,
    ar_end_rc * days_in_window3 as numerator,
    credit_sales_3m_rc as denominator
from fct_customer_month
