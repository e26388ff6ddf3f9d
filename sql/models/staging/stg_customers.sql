-- grain: customer_id
-- Customer master data with every reporting dimension filled ('Unassigned' rather than null),
-- so that dimension members always add up to the company total.
with customers as (select * from customers)

select
    -- ids
    customer_id,
    customer_name,
    -- dimensions
    segment,
    region,
    country_code,
    currency_code,
    risk_class,
    coalesce(collector, 'Unassigned') as collector,
    coalesce(bpo_team, 'Unassigned') as bpo_team,
    -- terms
    payment_terms_days,
    credit_limit,
    e_invoicing
from customers
