-- Invalid-deduction recovery: value recovered on deductions ruled invalid / value of deductions ruled invalid,
-- x 100. Recovered = cash applied to the deduction's document in the 60 days after the ruling, capped at the
-- deduction. Maturity: the cohort of invalid deductions whose 60 days ended in the month.
with invalid as (
    select dispute_id, document_id, customer_id, resolved_date, currency_code, amount
    from stg_disputes
    where dispute_kind = 'deduction' and outcome = 'invalid'
      and resolved_date >= kpi_first_day() - 60  -- only the months computed: counted 60 days after resolution
),
recovered as (
    select i.dispute_id, least(i.amount, coalesce(sum(a.amount), 0)) as recovered
    from invalid i
    left join stg_applications a on a.document_id = i.document_id
         and a.application_date > i.resolved_date and a.application_date <= i.resolved_date + 60
    group by i.dispute_id, i.amount
),
rates as (select * from stg_fx_rates_to_reporting)
select last_day(i.resolved_date + 60) as period_end, i.customer_id,
       round(r.recovered * x.rate, 2) as numerator,
       round(i.amount * x.rate, 2) as denominator
from invalid i join recovered r using (dispute_id)
asof left join rates x on x.currency_code = i.currency_code and i.resolved_date >= x.rate_date
