-- The customer score's bands against what happened next: customer-months in each band over every month end with
-- three month ends after it, the lowest and highest score seen in the band, and the share delinquent in the 3 months
-- after (customer_forward_delinquency(), more than $over_days days past due). A calibrated scorecard's bands rise in delinquency from A to E.
select s.score_band, count(*) as customer_months, min(s.score) as lowest_score, max(s.score) as highest_score,
       count(*) filter (where f.delinquent) as delinquent
from customer_forward_delinquency(over_days := $over_days) f
join fct_customer_score_monthly s using (month_end, customer_id)
where s.score_band is not null
group by all
order by s.score_band
