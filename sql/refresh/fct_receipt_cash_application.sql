-- The receipts whose row can differ once facts dated on or after $from changed. A row reads its receipt (converted at
-- its value date's rate) and the applications dated by the end of its value date's month; every date of a changed
-- fact is on or after $from, so a row can move only when its receipt is valued on or after $from (a changed or
-- withdrawn receipt, a new rate on or before its value date) or one of its applications is dated on or after $from:
-- now (added or changed: any such application's receipt) or before (withdrawn or moved: last_application_date). Not
-- every receipt of $from's month: at 10M invoices one day reaches about 10,000 receipts, not October's 297,000.
select receipt_id from fct_receipt_cash_application where value_date >= $from or last_application_date >= $from
union all
select receipt_id from stg_receipts where value_date >= $from
union all
select receipt_id from stg_applications where application_date >= $from
