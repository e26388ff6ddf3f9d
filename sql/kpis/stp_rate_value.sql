-- Cash-application STP rate by value: the same receipts as stp_rate_count, weighted by amount
-- (reporting currency at the value-date rate).
select
    period_end,
    customer_id,
    case when is_straight_through then amount_rc else 0 end as numerator,
    amount_rc as denominator
from fct_receipt_cash_application
