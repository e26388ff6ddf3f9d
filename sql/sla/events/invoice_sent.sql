-- Invoice sent to the customer after shipment: from ship date to sent date. Cause: the delivery channel.
select d.document_id as item_id, d.customer_id, null::varchar as category,
       coalesce(d.delivery_channel, 'unknown channel') as cause,
       d.ship_date as start_date, d.sent_date as end_date, null::varchar as item_owner
from stg_documents d
where d.document_type = 'invoice' and d.ship_date is not null
