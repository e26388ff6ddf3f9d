-- grain: quarter, sla_id, item_id
-- Every SLA breach by quarter with the SLA's name, threshold and target, the item, customer, owner, the party and team that handled it (and whether it counts in the SLA), collector and cause, how many days over, and whether it was done late or was still open at the quarter end.
create or replace view v_sla_breaches as
select m.quarter, m.sla_id, d.sla_name, d.target_rate, m.item_id, m.customer_id, c.customer_name, m.owner, m.bpo_team,
       m.collector, m.category, m.cause, m.start_date, m.deadline_date, m.end_date, m.elapsed_days, m.threshold_days,
       m.days_over, m.status, m.handled_by, m.measured as counts_in_sla
from sla_measurements m
join sla_definitions d using (sla_id)
left join stg_customers c using (customer_id)
where m.breach
