-- How well the customer score ranks what happened next, by month end and over all month ends together (month_end
-- NULL): customer-months, those delinquent in the 3 months after (customer_forward_delinquency(), more than $over_days days past due), and the AUC: the
-- chance that a customer who went delinquent had a lower score than one who did not, a tie counting half
-- (Mann-Whitney: (sum of the delinquent's ranks - n1(n1+1)/2) / (n1 n0), ranked from the highest score, tied scores
-- sharing their mean rank). Gini = 2 AUC - 1. A month with no delinquency, or nothing else, has no AUC.
with outcomes as (
    select s.month_end, s.score, f.delinquent
    from customer_forward_delinquency(over_days := $over_days) f
    join fct_customer_score_monthly s using (month_end, customer_id)
    where s.score is not null
),
scopes as (
    select month_end as scope, score, delinquent from outcomes
    union all
    select null, score, delinquent from outcomes
),
ranked as (
    select scope, delinquent,
           rank() over (partition by scope order by score desc)
             + (count(*) over (partition by scope, score) - 1) / 2.0 as mean_rank
    from scopes
),
by_scope as (
    select scope as month_end,
           count(*) as customer_months,
           count(*) filter (where delinquent) as delinquent,
           sum(mean_rank) filter (where delinquent) as rank_sum
    from ranked
    group by all
)
select month_end, customer_months, delinquent,
       case when delinquent > 0 and delinquent < customer_months
            then (rank_sum - delinquent * (delinquent + 1) / 2.0) / (delinquent::double * (customer_months - delinquent)) end as auc
from by_scope
order by month_end nulls last
