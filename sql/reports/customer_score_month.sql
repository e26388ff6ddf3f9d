-- The customers by score band at $month_end: how many, their AR and past-due AR at the month end (reporting
-- currency, fct_customer_month), and the band's delinquency in the 3 months after over the earlier month ends whose
-- 3 months had passed by $month_end (customer_forward_delinquency(): NULL when none had), so that a past month's
-- table sees nothing after it.
with history as (
    select s.score_band, avg(f.delinquent::int) as delinquent_share
    from customer_forward_delinquency() f join fct_customer_score_monthly s using (month_end, customer_id)
    where s.month_end <= last_day($month_end - interval 3 month)
    group by all
)
select s.score_band, count(*) as customers, sum(m.ar_end_rc) as ar_rc, sum(m.past_due_ar_rc) as past_due_ar_rc,
       any_value(h.delinquent_share) as delinquent_share
from fct_customer_score_monthly s
join fct_customer_month m using (month_end, customer_id)
left join history h using (score_band)
where s.month_end = $month_end and s.score_band is not null
group by all
order by s.score_band
