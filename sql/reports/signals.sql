-- Pack, Signals sheet: every control-chart signal of $month_end, for the company and every dimension member, with
-- the charted value and limits it broke or ran against. "alerting" follows the KPI reference (rule 1 always,
-- zone and run rules on XmR charts only).
select s.kpi_id, s.dimension, s.member, s.rule, s.direction,
       case when s.is_bad then 'bad' else 'good' end as meaning,
       s.alerting, p.chart, p.value, p.centre, p.lower_limit, p.upper_limit
from spc_signals s
join spc_points p using (kpi_id, dimension, member, period_end)
where s.period_end = $month_end
order by s.alerting desc, s.is_bad desc, s.dimension = 'company' desc, s.kpi_id, s.dimension, s.member, s.rule
