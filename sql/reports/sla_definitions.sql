-- SLA review, SLA definitions sheet: the definitions in force when the review was made.
select d.sla_id, d.sla_name, d.event, d.clock, d.threshold_days,
       (select string_agg(t.category || ' ' || t.threshold_days, ', ' order by t.category) from sla_category_thresholds t where t.sla_id = d.sla_id) as category_thresholds,
       d.target_rate, d.owner, d.credit_per_breach, d.credit_per_missed_target
from sla_definitions d order by d.sla_id
