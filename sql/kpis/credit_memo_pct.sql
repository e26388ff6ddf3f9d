-- Credit memos % of sales: value of credit memos issued in the month / gross value invoiced in the month
-- (invoices and debit memos), x 100.
select month_end as period_end, customer_id, credit_memos_rc as numerator, invoiced_rc as denominator
from fct_credit_sales_monthly
