-- grain: dispute_id
-- Disputes and deductions with their category, owner, dates and outcome.
with disputes as (select * from disputes)

select
    -- ids
    dispute_id,
    dispute_kind,
    document_id,
    customer_id,
    category,
    owner,
    -- dates
    opened_date,
    assigned_date,
    resolved_date,
    -- amounts (dispute currency)
    currency_code,
    amount,
    outcome,
    recovered_amount
from disputes
