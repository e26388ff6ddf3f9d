-- SLA review, By customer and segment sheet (first table): the quarter's compliance per SLA and customer segment.
select m.sla_id, d.sla_name, coalesce(c.segment, 'unidentified') as segment, count(*) as volume,
       count(*) filter (where m.breach) as breaches,
       (count(*) - count(*) filter (where m.breach)) / count(*)::decimal(18,6) as compliance, d.target_rate
from sla_measurements m join sla_definitions d using (sla_id)
left join stg_customers c using (customer_id)
where m.quarter = $quarter and m.measured
group by all
order by m.sla_id, segment
