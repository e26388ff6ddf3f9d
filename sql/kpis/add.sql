-- Average days delinquent: ADD = DSO - BPDSO = past-due AR_end / credit sales of the last 3 months * days.
select
    month_end as period_end,
    customer_id,
    past_due_ar_rc * days_in_window3 as numerator,
    credit_sales_3m_rc as denominator
from fct_customer_month
