-- The invoices whose features can differ once facts dated on or after $from changed: a row reads only facts dated
-- before its invoice date (a settlement moves only on or after $from: int_document_settlement's file), so only
-- invoices issued on or after $from, now or before, can move.
select document_id from int_invoice_features_at_issue where document_date >= $from
union all
select document_id from stg_documents where document_type = 'invoice' and document_date >= $from
