-- Invoice sent to the customer after shipment: from ship date to sent date. Cause: a paper invoice (printed and
-- posted), invoiced after the shipment day (late invoicing), or invoiced on time but dispatched late. Amount: the
-- invoice's.
select d.document_id as item_id, d.customer_id, null::varchar as category,
       case when d.delivery_channel = 'paper' then 'paper invoice'
            when d.document_date > d.ship_date then 'late invoicing'
            else 'late dispatch' end as cause,
       d.ship_date as start_date, d.sent_date as end_date, null::varchar as item_owner,
       d.amount, d.currency_code
from stg_documents d
where d.document_type = 'invoice' and d.ship_date is not null
