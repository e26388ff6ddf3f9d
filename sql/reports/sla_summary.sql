-- SLA review, Summary sheet: per SLA and quarter (the review's quarter and the three before it, and $q0 before those
-- for the first quarter's earn-back; oldest first): the items the SLA measures (an SLA the BPO owns: the items the
-- BPO handled), breaches, compliance (met / measured) against the target, still-open breaches, days over; the BPO's
-- breaches (the basis of per-breach credits); and, for comparison, how the client's in-house teams did on the same
-- SLA's items and how many items no team handled (unidentified payers). Credits are worked out from these rows by
-- SlaServiceCredits (cap and earn-back).
with quarters as (select unnest([$q0, $q1, $q2, $q3, $q4]) as quarter),
per_quarter as (
    select m.sla_id, m.quarter,
           count(*) filter (where m.measured) as volume,
           count(*) filter (where m.measured and m.breach) as breaches,
           count(*) filter (where m.measured and m.breach and m.owner = 'bpo') as bpo_breaches,
           count(*) filter (where m.measured and m.status = 'open past threshold') as open_breaches,
           avg(m.days_over) filter (where m.measured and m.breach) as mean_days_over,
           max(m.days_over) filter (where m.measured) as max_days_over,
           (count(*) filter (where m.measured and not m.breach)) / nullif(count(*) filter (where m.measured), 0)::decimal(18,6) as compliance,
           count(*) filter (where not m.measured and m.handled_by = 'client') as inhouse_volume,
           (count(*) filter (where not m.measured and m.handled_by = 'client' and not m.breach))
               / nullif(count(*) filter (where not m.measured and m.handled_by = 'client'), 0)::decimal(18,6) as inhouse_compliance,
           count(*) filter (where not m.measured and m.handled_by = 'unassigned') as unassigned_volume
    from sla_measurements m join quarters q using (quarter)
    group by m.sla_id, m.quarter
)
select d.sla_id, d.sla_name, case d.owner when 'data' then 'per item' else d.owner end as owner, d.target_rate, q.quarter,
       coalesce(p.volume, 0) as volume, coalesce(p.breaches, 0) as breaches, coalesce(p.open_breaches, 0) as open_breaches,
       p.compliance,
       p.compliance >= d.target_rate as target_met,
       p.mean_days_over, p.max_days_over,
       coalesce(p.inhouse_volume, 0) as inhouse_volume, p.inhouse_compliance, coalesce(p.unassigned_volume, 0) as unassigned_volume,
       coalesce(p.bpo_breaches, 0) as bpo_breaches, d.credit_per_breach, d.credit_per_missed_target,
       -- filled by SlaServiceCredits: this SLA's credits before the quarter's cap
       null::decimal(18,2) as service_credit
from sla_definitions d cross join quarters q
left join per_quarter p on p.sla_id = d.sla_id and p.quarter = q.quarter
order by d.sla_id, q.quarter
