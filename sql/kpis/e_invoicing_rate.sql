-- E-invoicing rate: invoices issued in the month delivered electronically (e-invoice or portal) / invoices
-- issued in the month with a known delivery channel, x 100.
select last_day(document_date) as period_end, customer_id,
       case when delivery_channel in ('e_invoice', 'portal') then 1 else 0 end as numerator,
       1 as denominator
from stg_documents
where document_type = 'invoice' and delivery_channel is not null
  and document_date >= kpi_first_day()  -- only the months computed
