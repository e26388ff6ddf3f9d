-- On-time payment rate by value: as on_time_rate_count, weighted by document amount (rate of the invoice date).
select last_day(s.settled_date) as period_end, s.customer_id,
       case when s.settled_date <= s.due_date then round(s.amount * r.rate, 2) else 0 end as numerator,
       round(s.amount * r.rate, 2) as denominator
from int_document_settlement s
asof left join stg_fx_rates_to_reporting r on r.currency_code = s.currency_code and s.document_date >= r.rate_date
where s.settled_date is not null and s.settled_by_cash and s.settled_date >= kpi_first_day()  -- only the months computed
