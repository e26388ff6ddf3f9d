-- Cash collected: receipts with value date in the month, reporting currency at the value-date rate (a sum).
select period_end, customer_id, amount_rc as numerator, null::decimal as denominator
from fct_receipt_cash_application
