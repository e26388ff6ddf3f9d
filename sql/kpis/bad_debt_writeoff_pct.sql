-- Bad-debt write-off % = write-offs of the last 12 months / credit sales of the last 12 months x 100.
-- Write-offs convert at their own date's rate. A cash discount taken within terms and a bank's charge kept from a payment
-- (reasons cash_discount and bank_charge, written off by cash matching or loaded) are no bad debt.
with months as (select * from int_month_ends where month_end >= kpi_first_day()),
rates as (select * from stg_fx_rates_to_reporting),
write_offs as (
    select w.write_off_date, d.customer_id, round(w.amount * r.rate, 2) as amount_rc
    from stg_write_offs w
    join stg_documents d using (document_id)
    asof left join rates r on r.currency_code = d.currency_code and w.write_off_date >= r.rate_date
    -- only the months computed (kpi_first_day()) and what they reach back to: 12 months
    where w.write_off_date >= kpi_first_day() - interval 12 month
      and coalesce(w.reason, '') not in ('cash_discount', 'bank_charge')
),
written as (
    select m.month_end, w.customer_id, sum(w.amount_rc) as amount
    from months m join write_offs w on w.write_off_date > (m.month_end - interval 12 month)::date and w.write_off_date <= m.month_end
    group by all
),
sales as (
    select m.month_end, s.customer_id, sum(s.credit_sales_rc) as amount
    from months m join fct_credit_sales_monthly s on s.month_end > m.month_end - interval 12 month and s.month_end <= m.month_end
    where s.month_end >= kpi_first_day() - interval 12 month
    group by all
)
select coalesce(s.month_end, w.month_end) as period_end, coalesce(s.customer_id, w.customer_id) as customer_id,
       coalesce(w.amount, 0) as numerator, coalesce(s.amount, 0) as denominator
from sales s full outer join written w on w.month_end = s.month_end and w.customer_id = s.customer_id
