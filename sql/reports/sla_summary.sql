-- SLA review, Summary sheet: per SLA and quarter (the review's quarter and the three before it): volume, breaches,
-- compliance (met / measured) against the target, still-open breaches, days over, and service credits owed
-- ($q1..$q4, oldest first) (per breach x breaches, plus the per-missed-target credit when compliance is below target).
with quarters as (select unnest([$q1, $q2, $q3, $q4]) as quarter),
per_quarter as (
    select m.sla_id, m.quarter, count(*) as volume,
           count(*) filter (where m.breach) as breaches,
           count(*) filter (where m.status = 'open past threshold') as open_breaches,
           avg(m.days_over) filter (where m.breach) as mean_days_over,
           max(m.days_over) as max_days_over,
           (count(*) - count(*) filter (where m.breach)) / count(*)::decimal(18,6) as compliance
    from sla_measurements m join quarters q using (quarter)
    group by m.sla_id, m.quarter
)
select d.sla_id, d.sla_name, case d.owner when 'data' then 'per item' else d.owner end as owner, d.target_rate, q.quarter,
       coalesce(p.volume, 0) as volume, coalesce(p.breaches, 0) as breaches, coalesce(p.open_breaches, 0) as open_breaches,
       p.compliance,
       p.compliance >= d.target_rate as target_met,
       p.mean_days_over, p.max_days_over,
       coalesce(d.credit_per_breach * p.breaches, 0)
         + case when p.compliance < d.target_rate then coalesce(d.credit_per_missed_target, 0) else 0 end as service_credit
from sla_definitions d cross join quarters q
left join per_quarter p on p.sla_id = d.sla_id and p.quarter = q.quarter
order by d.sla_id, q.quarter
