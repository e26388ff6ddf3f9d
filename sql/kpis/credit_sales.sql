-- Credit sales: invoices and debit memos issued in the month less credit memos issued in the month, in the reporting
-- currency at each document's date (a sum; opening open items are balances, not sales).
select month_end as period_end, customer_id, credit_sales_rc as numerator, null::decimal as denominator
from fct_credit_sales_monthly
