-- The documents whose settlement can differ once facts dated on or after $from changed (every date of a changed
-- fact is on or after $from). A settlement date is the first day the running balance reaches zero: events before
-- $from are the same as before, so a settlement dated before $from stays, and one can only move for a document with
-- an event on or after $from now, or one issued or settled on or after $from before (a withdrawn document or event).
select document_id from int_document_settlement where document_date >= $from or settled_date >= $from
union all
select document_id from stg_documents where document_date >= $from
union all
select document_id from int_document_balance_events where event_date >= $from
