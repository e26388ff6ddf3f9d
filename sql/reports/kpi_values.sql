-- The analyst workbook's "KPI values" sheet: every KPI by month, dimension and member up to $month_end, as stored
-- in kpi_values, with its name, area and unit from the catalogue (the tables, not v_kpi_values: the pack is also
-- written where the analyst views are not built, e.g. by o2c bench).
select v.period_end, v.kpi_id, k.kpi_name, k.area, k.unit, v.dimension, v.member, v.numerator, v.denominator, v.value, v.note
from kpi_values v join kpi_catalog k using (kpi_id)
where v.period_end <= $month_end
order by v.period_end, v.kpi_id, v.dimension, v.member
