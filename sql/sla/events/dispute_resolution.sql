-- Dispute resolved: from opened to resolved date, threshold by category. Owner: the dispute's own (client or BPO).
select dispute_id as item_id, customer_id, category, category as cause,
       opened_date as start_date, resolved_date as end_date, owner as item_owner
from stg_disputes
where dispute_kind = 'dispute'
