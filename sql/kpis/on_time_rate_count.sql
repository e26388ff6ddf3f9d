-- On-time payment rate by count: invoices and debit memos fully settled by cash in the month on or before
-- their due date / those fully settled by cash in the month, x 100.
select last_day(settled_date) as period_end, customer_id,
       case when settled_date <= due_date then 1 else 0 end as numerator,
       1 as denominator
from int_document_settlement
where settled_date is not null and settled_by_cash and settled_date >= kpi_first_day()  -- only the months computed
