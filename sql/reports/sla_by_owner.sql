-- SLA review, By owner and team sheet: the quarter's volume, breaches and compliance per SLA, owner and BPO team.
select m.sla_id, d.sla_name, m.owner, m.bpo_team, count(*) as volume, count(*) filter (where m.breach) as breaches,
       (count(*) - count(*) filter (where m.breach)) / count(*)::decimal(18,6) as compliance, d.target_rate
from sla_measurements m join sla_definitions d using (sla_id)
where m.quarter = $quarter
group by all
order by m.sla_id, m.owner, m.bpo_team
