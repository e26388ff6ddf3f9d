-- SLA review, Breaches sheet: every breach of the quarter, worst first (capped at $limit rows; the warehouse's
-- sla_measurements table holds them all).
select m.sla_id, m.item_id, m.customer_id, c.customer_name, c.segment, m.owner, m.bpo_team, m.collector, m.category, m.cause,
       m.start_date, m.deadline_date, m.end_date, m.status, m.elapsed_days, m.threshold_days, m.days_over
from sla_measurements m left join stg_customers c using (customer_id)
where m.quarter = $quarter and m.breach and m.measured
order by m.days_over desc, m.sla_id, m.item_id
limit $limit
