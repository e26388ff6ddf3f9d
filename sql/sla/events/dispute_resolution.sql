-- Dispute resolved: from opened to resolved date, threshold by category. Owner: the dispute's own (client or BPO).
-- Cause: its category (what the customer disputes). Amount: the disputed amount.
select dispute_id as item_id, customer_id, category, category as cause,
       opened_date as start_date, resolved_date as end_date, owner as item_owner,
       amount, currency_code
from stg_disputes
where dispute_kind = 'dispute'
