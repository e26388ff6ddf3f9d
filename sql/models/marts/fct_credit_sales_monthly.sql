-- grain: month_end, customer_id
-- materialized: table
-- Credit sales per customer and month: invoices and debit memos issued in the month less credit memos issued
-- in the month, converted at the rate of each document's date. Opening open items are balances, not sales.
with documents as (select * from stg_documents where opening_balance_date is null),
rates as (select * from stg_fx_rates_to_reporting),

converted as (
    select d.customer_id, last_day(d.document_date) as month_end, d.document_type,
           round(d.signed_amount * r.rate, 2)::decimal(18,2) as signed_amount_rc
    from documents d
    asof left join rates r on r.currency_code = d.currency_code and d.document_date >= r.rate_date
)

select
    month_end,
    customer_id,
    sum(case when document_type <> 'credit_memo' then signed_amount_rc else 0 end)::decimal(18,2) as invoiced_rc,
    sum(case when document_type = 'credit_memo' then -signed_amount_rc else 0 end)::decimal(18,2) as credit_memos_rc,
    sum(signed_amount_rc)::decimal(18,2) as credit_sales_rc
from converted
group by month_end, customer_id
