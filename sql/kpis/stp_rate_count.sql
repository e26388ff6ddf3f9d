-- Cash-application STP rate by count: receipts with value date in the month that were fully applied
-- automatically, with no manual application, by the month end / receipts with value date in the month.
select
    period_end,
    customer_id,
    case when is_straight_through then 1 else 0 end as numerator,
    1 as denominator
from fct_receipt_cash_application
