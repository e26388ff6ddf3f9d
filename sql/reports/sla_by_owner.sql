-- SLA review, By owner and team sheet: the quarter's items of each SLA by the party and team that handled them, and
-- whether they count in the SLA (an SLA the BPO owns counts only the BPO's items; in-house and unassigned items are
-- shown for comparison): volume, breaches and compliance per team against the same target.
select m.sla_id, d.sla_name, case d.owner when 'data' then 'per item' else d.owner end as sla_owner, m.handled_by, m.bpo_team,
       case when m.measured then 'yes' else 'no' end as counted,
       count(*) as volume, count(*) filter (where m.breach) as breaches,
       (count(*) - count(*) filter (where m.breach)) / count(*)::decimal(18,6) as compliance, d.target_rate
from sla_measurements m join sla_definitions d using (sla_id)
where m.quarter = $quarter
group by all
order by m.sla_id, counted desc, m.handled_by, m.bpo_team
