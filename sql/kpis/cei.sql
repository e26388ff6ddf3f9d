-- Collection effectiveness index for the month:
--   CEI = (AR_begin + credit sales - AR_end) / (AR_begin + credit sales - current AR_end) * 100
-- AR_begin is the prior month end's AR_end.
select
    month_end as period_end,
    customer_id,
    ar_begin_rc + credit_sales_rc - ar_end_rc as numerator,
    ar_begin_rc + credit_sales_rc - current_ar_rc as denominator
from fct_customer_month
