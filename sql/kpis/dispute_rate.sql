-- Dispute rate: value of invoices with a dispute opened in the month / value invoiced in the month, x 100.
-- Each disputed invoice counts once per month however many disputes it had (deductions are not disputes).
with disputed as (
    select distinct last_day(p.opened_date) as period_end, p.document_id
    from stg_disputes p where p.dispute_kind = 'dispute' and p.opened_date >= kpi_first_day()  -- only the months computed
),
rates as (select * from stg_fx_rates_to_reporting),
disputed_value as (
    select x.period_end, d.customer_id, round(d.amount * r.rate, 2) as amount_rc
    from disputed x join stg_documents d using (document_id)
    asof left join rates r on r.currency_code = d.currency_code and d.document_date >= r.rate_date
)
select coalesce(v.period_end, s.month_end) as period_end, coalesce(v.customer_id, s.customer_id) as customer_id,
       coalesce(v.amount_rc, 0) as numerator, coalesce(s.invoiced_rc, 0) as denominator
from (select period_end, customer_id, sum(amount_rc) as amount_rc from disputed_value group by all) v
full outer join (select * from fct_credit_sales_monthly where month_end >= kpi_first_day()) s
    on s.month_end = v.period_end and s.customer_id = v.customer_id
