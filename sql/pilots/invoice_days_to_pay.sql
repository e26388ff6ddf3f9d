-- A pilot's days to pay: for the invoices issued in a month (period_end = the invoice month's end), the days from the
-- invoice date to the value date of the receipts that paid them, weighted by the amount each applied (reporting
-- currency). Dated by the customer's payment, not by the posting: what a collection strategy can change. An invoice
-- not yet paid counts when it is, and only payments by pilot_as_of() (the report's date) count. Result: numerator = amount x days, denominator = amount, per customer and month.
select last_day(d.document_date) as period_end, d.customer_id,
       sum(a.amount_rc * (r.value_date - d.document_date)) as numerator,
       sum(a.amount_rc) as denominator
from fct_payment_applications a
join stg_documents d using (document_id)
join stg_receipts r using (receipt_id)
where d.document_type = 'invoice' and a.amount_rc > 0 and r.value_date <= pilot_as_of()
group by all
