-- SLA review, By customer and segment sheet (second table): the 50 customers with the most breaches in the
-- quarter, across all SLAs, with the SLAs they breached.
with per_customer as (
    select customer_id, count(*) as volume, count(*) filter (where breach) as breaches,
           string_agg(distinct sla_id, ', ' order by sla_id) filter (where breach) as slas_breached,
           max(days_over) as max_days_over
    from sla_measurements where quarter = $quarter and measured and customer_id is not null
    group by customer_id having count(*) filter (where breach) > 0
)
select p.customer_id, c.customer_name, c.segment, c.region, c.bpo_team, c.collector, p.volume, p.breaches,
       (p.volume - p.breaches) / p.volume::decimal(18,6) as compliance, p.max_days_over, p.slas_breached
from per_customer p join stg_customers c using (customer_id)
order by p.breaches desc, p.customer_id
limit 50
