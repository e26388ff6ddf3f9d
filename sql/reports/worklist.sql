-- The collection worklist (the pack's Forecast & worklist sheet, `o2c predict worklist`): open invoices as of $as_of
-- ranked by value at risk (open amount x probability of paying late), from the latest prediction run made for that
-- day, the first $top.
with run as (select max(run_id) as run_id from payment_predictions where as_of = $as_of)
select row_number() over (order by p.value_at_risk desc, p.document_id) as rank,
       p.document_id, p.customer_id, c.customer_name, c.collector, d.due_date,
       p.open_amount_rc, p.expected_pay_date, p.probability_late, p.value_at_risk, p.reasons
from payment_predictions p
join run r on p.run_id = r.run_id
join stg_customers c using (customer_id)
join stg_documents d using (document_id)
where p.as_of = $as_of
order by rank
limit $top
