-- Invoice timeliness: invoices issued in the month that were sent at most 1 business day after shipment /
-- invoices issued in the month with a ship and sent date, x 100. Business days from the holiday calendar.
select last_day(d.document_date) as period_end, d.customer_id,
       case when sent.business_day_number - ship.business_day_number <= 1 then 1 else 0 end as numerator,
       1 as denominator
from stg_documents d
join int_business_calendar ship on ship.calendar_date = d.ship_date
join int_business_calendar sent on sent.calendar_date = d.sent_date
where d.document_type = 'invoice' and d.document_date >= kpi_first_day()  -- only the months computed
