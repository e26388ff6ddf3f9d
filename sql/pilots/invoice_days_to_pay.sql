-- A pilot's days to pay: for the invoices issued in a month (period_end = the invoice month's end), the days from the
-- invoice date to the value date of the receipts that paid them, weighted by the amount each paid (reporting
-- currency), each invoice followed for the same 90 days: a payment later than that counts as 90 days, and what is
-- still open at pilot_as_of() (the report's date) counts as 90 days too once the invoice is 90 days old. So an invoice
-- paid sooner and one not paid at all both count, and no side drops its slowest invoices. Dated by the customer's
-- payment, not by the posting: what a collection strategy can change. A pilot is final only when its last month's
-- invoices are 90 days old (PilotDefinition.FinalFrom). Opening items (open at the cut-over) were issued in no month
-- measured. Result: numerator = amount x days, denominator = amount, per customer and month.
with invoices as (
    select document_id, customer_id, document_date, currency_code
    from stg_documents
    where document_type = 'invoice' and opening_balance_date is null and document_date <= pilot_as_of()
),
paid as (
    select i.document_id, i.customer_id, i.document_date, a.amount_rc as amount,
           least(r.value_date - i.document_date, 90) as days
    from fct_payment_applications a
    join invoices i using (document_id)
    join stg_receipts r using (receipt_id)
    where a.amount_rc > 0 and r.value_date <= pilot_as_of() and a.application_date <= pilot_as_of()
),
open_at_report as (
    select o.document_id, i.customer_id, i.document_date, i.currency_code, o.open_amount, pilot_as_of() as as_of
    from open_items_as_of(pilot_as_of()) o
    join invoices i using (document_id)
    where o.open_amount > 0 and pilot_as_of() - i.document_date >= 90
),
still_open as (
    -- open at the report's date and at least 90 days old: counted at the cap, at the report date's rate
    select o.document_id, o.customer_id, o.document_date, o.open_amount * x.rate as amount, 90 as days
    from open_at_report o
    asof left join stg_fx_rates_to_reporting x on x.currency_code = o.currency_code and o.as_of >= x.rate_date
)
select last_day(document_date) as period_end, customer_id,
       sum(amount * days) as numerator, sum(amount) as denominator
from (select * from paid union all select * from still_open)
where amount is not null
group by all
