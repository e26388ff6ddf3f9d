-- The receipts whose row can differ once facts dated on or after $from changed: a receipt counts only the
-- applications dated by the end of its value date's month, and is converted at its value date's rate, so only
-- receipts whose month ends on or after $from (now or before) can move.
select receipt_id from fct_receipt_cash_application where period_end >= $from
union all
select receipt_id from stg_receipts where last_day(value_date) >= $from
