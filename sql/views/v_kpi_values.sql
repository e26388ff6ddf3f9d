-- grain: period_end, kpi_id, dimension, member
-- Every KPI by month, dimension and member, with its name, area and unit from the catalogue and the numerator and denominator it was computed from (a KPI over several members is sum(numerator) / sum(denominator) x scale, never an average of values).
create or replace view v_kpi_values as
select v.period_end, v.kpi_id, k.kpi_name, k.area, k.unit, k.good_direction, v.dimension, v.member,
       v.numerator, v.denominator, v.value, v.note
from kpi_values v join kpi_catalog k using (kpi_id)
