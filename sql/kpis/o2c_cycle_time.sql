-- Order-to-cash cycle time: mean(settlement date - order date) in days over invoices fully settled by cash in
-- the month. Documents without an order date (rebills) start from their invoice date.
select last_day(settled_date) as period_end, customer_id,
       (settled_date - coalesce(order_date, document_date)) as numerator,
       1 as denominator
from int_document_settlement
where settled_date is not null and settled_by_cash and settled_date >= kpi_first_day()  -- only the months computed
