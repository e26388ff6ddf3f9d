-- The receipts that can hold unapplied cash at a month end on or after $from: those holding some at the month end
-- before it (that row stays: every receipt and application it counts is dated before $from) and those received or
-- applied after that month end. Every receipt when that month end is before the first reporting month.
select receipt_id from fct_unapplied_cash_monthly
where month_end = (date_trunc('month', $from) - interval 1 day)::date
union all
select receipt_id from stg_receipts
where value_date > (date_trunc('month', $from) - interval 1 day)::date
   or (select min(month_end) from int_month_ends) > (date_trunc('month', $from) - interval 1 day)::date
union all
select receipt_id from stg_applications
where application_date > (date_trunc('month', $from) - interval 1 day)::date
