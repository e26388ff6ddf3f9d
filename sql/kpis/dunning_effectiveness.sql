-- Dunning effectiveness: dunned invoices settled within 14 days of the dunning letter / dunned invoices, x 100.
-- Maturity: the cohort of letters whose 14 days ended in the month (one per invoice and letter).
with letters as (
    select document_id, customer_id, activity_date, activity_date + 14 as window_end
    from stg_collection_activities
    where activity_type = 'dunning_letter' and document_id is not null
      and activity_date >= kpi_first_day() - 14  -- only the months computed: counted when the 14 days end
)
select last_day(l.window_end) as period_end, l.customer_id,
       case when s.settled_date is not null and s.settled_date <= l.window_end then 1 else 0 end as numerator,
       1 as denominator
from letters l left join int_document_settlement s using (document_id)
