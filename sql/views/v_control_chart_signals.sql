-- grain: period_end, kpi_id, dimension, member, rule
-- Every control-chart signal with the KPI's name, the charted value and its centre line and limits: rule (1 beyond 3 sigma ... 5 six in a row trending), direction, whether that direction is bad for the KPI and whether it alerts.
create or replace view v_control_chart_signals as
select s.period_end, s.kpi_id, k.kpi_name, s.dimension, s.member, s.rule, s.direction, s.is_bad, s.alerting,
       p.chart, p.value, p.centre, p.lower_limit, p.upper_limit
from spc_signals s
join spc_points p using (kpi_id, dimension, member, period_end)
join kpi_catalog k using (kpi_id)
