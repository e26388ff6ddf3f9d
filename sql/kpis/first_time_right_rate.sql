-- First-time-right invoices: invoices not corrected by a credit memo or a rebill (a document naming it in
-- corrects_document_id) within 60 days of the invoice date / invoices, x 100.
-- Maturity: measured on the cohort of invoices whose 60 days ended in the month.
-- Only the months computed (kpi_first_day()): an invoice counts 60 days after its date, and its corrections are
-- dated on or after it (a memo dated before the document it corrects is rejected on load).
with invoices as (select * from stg_documents where document_type = 'invoice' and document_date >= kpi_first_day() - 60),
corrections as (
    select corrects_document_id as document_id, min(document_date) as first_correction
    from stg_documents where corrects_document_id is not null and document_date >= kpi_first_day() - 60
    group by corrects_document_id
)
select last_day(i.document_date + 60) as period_end, i.customer_id,
       case when c.first_correction is null or c.first_correction > i.document_date + 60 then 1 else 0 end as numerator,
       1 as denominator
from invoices i left join corrections c using (document_id)
