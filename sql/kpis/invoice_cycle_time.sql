-- Invoice cycle time: mean business days from shipment to the invoice being sent, over invoices issued in
-- the month that have both dates.
select last_day(d.document_date) as period_end, d.customer_id,
       sent.business_day_number - ship.business_day_number as numerator,
       1 as denominator
from stg_documents d
join int_business_calendar ship on ship.calendar_date = d.ship_date
join int_business_calendar sent on sent.calendar_date = d.sent_date
where d.document_type = 'invoice' and d.document_date >= kpi_first_day()  -- only the months computed
