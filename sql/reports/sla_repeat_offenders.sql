-- SLA review, Repeat offenders sheet: customers and collectors with breaches of the same SLA in the review quarter
-- and in at least two of the three quarters before it: the problems that are not going away (the 100 with most
-- breaches over the four quarters).
with breaches as (
    select m.sla_id, 'customer' as kind, m.customer_id as who_id, c.customer_name as who, m.quarter
    from sla_measurements m join stg_customers c using (customer_id)
    where m.breach and m.measured and m.quarter in ($q1, $q2, $q3, $q4)
    union all
    select sla_id, 'collector', collector, collector, quarter
    from sla_measurements where breach and measured and quarter in ($q1, $q2, $q3, $q4)
),
counted as (
    select sla_id, kind, who_id, who,
           count(*) filter (where quarter = $q1) as q1, count(*) filter (where quarter = $q2) as q2,
           count(*) filter (where quarter = $q3) as q3, count(*) filter (where quarter = $q4) as q4
    from breaches group by all
)
select c.sla_id, d.sla_name, c.kind, c.who_id, c.who, c.q1, c.q2, c.q3, c.q4, c.q1 + c.q2 + c.q3 + c.q4 as total,
       (c.q1 > 0)::int + (c.q2 > 0)::int + (c.q3 > 0)::int as prior_quarters_with_breaches
from counted c join sla_definitions d using (sla_id)
where c.q4 > 0 and (c.q1 > 0)::int + (c.q2 > 0)::int + (c.q3 > 0)::int >= 2
order by total desc, c.kind desc, c.sla_id, c.who_id
limit 100
