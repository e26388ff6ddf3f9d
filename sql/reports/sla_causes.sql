-- SLA review, Causes sheet: for the quarter, each SLA's breaches by cause (delivery channel, match method,
-- category, follow-up kind), with the cause's share of the SLA's breaches and its own breach rate.
with q as (select * from sla_measurements where quarter = $quarter),
per_cause as (
    select sla_id, cause, count(*) as volume, count(*) filter (where breach) as breaches,
           count(*) filter (where status = 'open past threshold') as open_breaches,
           avg(days_over) filter (where breach) as mean_days_over
    from q group by sla_id, cause
)
select c.sla_id, d.sla_name, c.cause, c.volume, c.breaches, c.open_breaches,
       c.breaches / nullif(sum(c.breaches) over (partition by c.sla_id), 0)::decimal(18,6) as share_of_breaches,
       c.breaches / nullif(c.volume, 0)::decimal(18,6) as breach_rate,
       c.mean_days_over
from per_cause c join sla_definitions d using (sla_id)
order by c.sla_id, c.breaches desc, c.cause
