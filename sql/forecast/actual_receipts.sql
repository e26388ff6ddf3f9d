-- What actually came in after each forecast date (_forecast_origins.as_of): cash applied per week (1..13) in
-- reporting currency, split by whether the document was already issued on the morning of the date (open AR)
-- or issued later (new billing). A week is known only when it ended on or before the latest application.
--
-- Creates _forecast_actuals (origin x week).
CREATE OR REPLACE TEMP TABLE _forecast_actuals AS
with origins as (select distinct as_of from _forecast_origins),
data_end as (select max(application_date) as last_day from stg_applications),
weeks as (select unnest(range(1, 14))::integer as week)

select g.as_of, w.week,
       coalesce(sum(a.amount_rc) filter (where a.document_date < g.as_of), 0) as open_ar_rc,
       coalesce(sum(a.amount_rc) filter (where a.document_date >= g.as_of), 0) as new_billings_rc
from origins g cross join weeks w cross join data_end e
left join fct_payment_applications a
  on a.application_date >= g.as_of + 7 * (w.week - 1) and a.application_date < g.as_of + 7 * w.week
where g.as_of + 7 * w.week - 1 <= e.last_day
group by all;
