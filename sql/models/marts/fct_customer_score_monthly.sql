-- grain: month_end, customer_id
-- materialized: table
-- The customer score at every month end: each factor of fct_customer_score_factors placed in its bin of the
-- scorecard (int_customer_scorecard) with the bin's points, the score (their sum, 0 to 100, higher pays better) and
-- its band: A 80-100, B 65-79, C 50-64, D 35-49, E 0-34. On the sample, 5.5 % of A customers and 64 % of E
-- customers had an item go more than 30 days past due in the next 3 months (docs/customer-score.md). Known from
-- facts dated on or before the month end only, as its factors are. "Why is this customer a D": its row, bin and
-- points by factor.
with factor_rows as (
    select month_end, customer_id,
           late_share_12m, mean_days_late_12m, late_share_trend,
           broken_promises_12m::double as broken_promises_12m, disputes_12m::double as disputes_12m,
           past_due_share, credit_limit_use, tenure_months::double as tenure_months
    from fct_customer_score_factors
    where month_end >= month_ends_from()
),
factor_values as (
    select month_end, customer_id, factor, factor_value
    from factor_rows unpivot include nulls (factor_value for factor in (
        late_share_12m, mean_days_late_12m, late_share_trend, broken_promises_12m, disputes_12m,
        past_due_share, credit_limit_use, tenure_months))
),
binned as (
    select v.month_end, v.customer_id, v.factor, s.bin, s.points
    from factor_values v
    join int_customer_scorecard s
      on s.factor = v.factor
     and case when v.factor_value is null then s.bin = 'none'
              else s.bin <> 'none' and (s.above is null or v.factor_value > s.above)
                   and (s.up_to is null or v.factor_value <= s.up_to) end
),
scored as (
    select month_end, customer_id,
           sum(points)::integer as score,
           -- every factor in exactly one bin: a missing or doubled bin leaves the score NULL rather than wrong
           count(*) = 8 and count(distinct factor) = 8 as complete,
           any_value(bin) filter (where factor = 'late_share_12m') as late_share_bin,
           any_value(points) filter (where factor = 'late_share_12m') as late_share_points,
           any_value(bin) filter (where factor = 'mean_days_late_12m') as days_late_bin,
           any_value(points) filter (where factor = 'mean_days_late_12m') as days_late_points,
           any_value(bin) filter (where factor = 'late_share_trend') as late_trend_bin,
           any_value(points) filter (where factor = 'late_share_trend') as late_trend_points,
           any_value(bin) filter (where factor = 'broken_promises_12m') as broken_promises_bin,
           any_value(points) filter (where factor = 'broken_promises_12m') as broken_promises_points,
           any_value(bin) filter (where factor = 'disputes_12m') as disputes_bin,
           any_value(points) filter (where factor = 'disputes_12m') as disputes_points,
           any_value(bin) filter (where factor = 'past_due_share') as past_due_bin,
           any_value(points) filter (where factor = 'past_due_share') as past_due_points,
           any_value(bin) filter (where factor = 'credit_limit_use') as credit_limit_use_bin,
           any_value(points) filter (where factor = 'credit_limit_use') as credit_limit_use_points,
           any_value(bin) filter (where factor = 'tenure_months') as tenure_bin,
           any_value(points) filter (where factor = 'tenure_months') as tenure_points
    from binned
    group by all
)

select
    f.month_end,
    f.customer_id,
    s.score,
    case when s.score >= 80 then 'A' when s.score >= 65 then 'B' when s.score >= 50 then 'C'
         when s.score >= 35 then 'D' when s.score >= 0 then 'E' end as score_band,
    s.* exclude (month_end, customer_id, score, complete)
from fct_customer_score_factors f
left join scored s on s.month_end = f.month_end and s.customer_id = f.customer_id and s.complete
where f.month_end >= month_ends_from()
