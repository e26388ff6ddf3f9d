-- SLA review, Causes sheet: for the quarter, each SLA's breaches by root cause (what the data tells: missing
-- remittance, unidentified payer, manual match, posting backlog, paper invoice, late invoicing, customer not
-- reachable, ...; disputes by category), ranked by breaches, with the value they affect (reporting currency), the
-- cause's share of the SLA's breaches and of their value, and its own breach rate. The causes of an SLA add up to its
-- breaches.
with q as (select * from sla_measurements where quarter = $quarter and measured),
per_cause as (
    select sla_id, cause, count(*) as volume, count(*) filter (where breach) as breaches,
           count(*) filter (where status = 'open past threshold') as open_breaches,
           coalesce(sum(amount_rc) filter (where breach), 0) as value_affected,
           avg(days_over) filter (where breach) as mean_days_over
    from q group by sla_id, cause
)
select c.sla_id, d.sla_name, c.cause, c.volume, c.breaches, c.open_breaches,
       c.breaches / nullif(sum(c.breaches) over (partition by c.sla_id), 0)::decimal(18,6) as share_of_breaches,
       c.value_affected,
       c.value_affected / nullif(sum(c.value_affected) over (partition by c.sla_id), 0)::decimal(18,6) as share_of_value,
       c.breaches / nullif(c.volume, 0)::decimal(18,6) as breach_rate,
       c.mean_days_over,
       rank() over (partition by c.sla_id order by c.breaches desc) as rank_by_breaches,
       rank() over (partition by c.sla_id order by c.value_affected desc) as rank_by_value
from per_cause c join sla_definitions d using (sla_id)
order by c.sla_id, c.breaches desc, c.value_affected desc, c.cause
