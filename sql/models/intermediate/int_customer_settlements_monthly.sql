-- grain: month_end, customer_id
-- materialized: table
-- Each customer's invoices settled by cash in each month (by the month of the settlement date): how many, how many
-- after their due date, and their days late summed (0 for on time). A month's row reads only settlements dated in it,
-- which depend only on events up to their date, so a refresh computes again only the months from the change on; the
-- customer score's factors add up 12 of them instead of grouping a year of settlements at every month end.
select last_day(settled_date) as month_end,
       customer_id,
       count(*)::bigint as invoices_settled,
       (count(*) filter (where settled_date > due_date))::bigint as settled_late,
       sum(greatest(0, settled_date - due_date))::bigint as days_late
from int_document_settlement
where document_type = 'invoice' and settled_by_cash and settled_date >= date_trunc('month', month_ends_from())
group by all
