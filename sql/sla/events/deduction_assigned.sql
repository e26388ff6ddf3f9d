-- Deduction assigned to an owner for research: from opened to assigned date. Cause: the deduction's category.
-- Amount: the deducted amount.
select dispute_id as item_id, customer_id, category, category as cause,
       opened_date as start_date, assigned_date as end_date, owner as item_owner,
       amount, currency_code
from stg_disputes
where dispute_kind = 'deduction'
