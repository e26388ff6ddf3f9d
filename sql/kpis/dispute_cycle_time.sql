-- Dispute cycle time: mean(resolved date - opened date) in calendar days over disputes resolved in the month,
-- also by dispute category.
select last_day(resolved_date) as period_end, customer_id, category,
       resolved_date - opened_date as numerator,
       1 as denominator
from stg_disputes
where dispute_kind = 'dispute' and resolved_date is not null
