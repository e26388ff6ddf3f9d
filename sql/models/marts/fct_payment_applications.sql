-- grain: application_id
-- materialized: table
-- Cash applied to invoices and debit memos, one row per application, dated by its application date, with
-- days to pay (from the invoice date) and days late (after the due date, never negative).
-- Amounts in reporting currency at the application date's rate.
with applications as (select * from stg_applications where in_refresh(application_id)),
documents as (select * from stg_documents where document_type <> 'credit_memo'),
rates as (select * from stg_fx_rates_to_reporting),

joined as (
    select a.application_id, a.receipt_id, a.document_id, a.application_date, a.amount,
           d.customer_id, d.document_date, d.due_date, d.currency_code
    from applications a join documents d using (document_id)
)

select
    j.application_id,
    j.receipt_id,
    j.document_id,
    j.customer_id,
    last_day(j.application_date) as period_end,
    j.application_date,
    j.document_date,
    j.due_date,
    round(j.amount * r.rate, 2)::decimal(18,2) as amount_rc,
    (j.application_date - j.document_date)::integer as days_to_pay,
    greatest(0, j.application_date - j.due_date)::integer as days_late
from joined j
asof left join rates r on r.currency_code = j.currency_code and j.application_date >= r.rate_date
