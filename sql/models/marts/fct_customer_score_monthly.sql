-- grain: month_end, customer_id
-- materialized: table
-- The customer score at every month end: each factor of fct_customer_score_factors placed in its bin of the
-- scorecard (int_customer_scorecard) with the bin's points, the score (their sum, 0 to 100, higher pays better) and
-- its band: A 80-100, B 65-79, C 50-64, D 35-49, E 0-34. On the sample, 5.5 % of A customers and 64 % of E
-- customers had an item go more than 30 days past due in the next 3 months (docs/customer-score.md). Known from
-- facts dated on or before the month end only, as its factors are. "Why is this customer a D": its row, bin and
-- points by factor.
with scorecard as (select factor, bin, above, up_to, points from int_customer_scorecard),
scored as (
    -- each factor in its bin: one join per factor, each against that factor's few bins (a value in no bin leaves
    -- its points, and so the score, NULL rather than wrong; the bins' test keeps them from overlapping)
    select
        f.month_end,
        f.customer_id,
        (s1.points + s2.points + s3.points + s4.points + s5.points + s6.points + s7.points + s8.points)::integer as score,
    s1.bin as late_share_bin, s1.points as late_share_points,
    s2.bin as days_late_bin, s2.points as days_late_points,
    s3.bin as late_trend_bin, s3.points as late_trend_points,
    s4.bin as broken_promises_bin, s4.points as broken_promises_points,
    s5.bin as disputes_bin, s5.points as disputes_points,
    s6.bin as past_due_bin, s6.points as past_due_points,
    s7.bin as credit_limit_use_bin, s7.points as credit_limit_use_points,
    s8.bin as tenure_bin, s8.points as tenure_points
    from fct_customer_score_factors f
    left join scorecard s1 on s1.factor = 'late_share_12m' and case when f.late_share_12m is null then s1.bin = 'none'
    else s1.bin <> 'none' and (s1.above is null or f.late_share_12m > s1.above) and (s1.up_to is null or f.late_share_12m <= s1.up_to) end
    left join scorecard s2 on s2.factor = 'mean_days_late_12m' and case when f.mean_days_late_12m is null then s2.bin = 'none'
    else s2.bin <> 'none' and (s2.above is null or f.mean_days_late_12m > s2.above) and (s2.up_to is null or f.mean_days_late_12m <= s2.up_to) end
    left join scorecard s3 on s3.factor = 'late_share_trend' and case when f.late_share_trend is null then s3.bin = 'none'
    else s3.bin <> 'none' and (s3.above is null or f.late_share_trend > s3.above) and (s3.up_to is null or f.late_share_trend <= s3.up_to) end
    left join scorecard s4 on s4.factor = 'broken_promises_12m' and case when f.broken_promises_12m is null then s4.bin = 'none'
    else s4.bin <> 'none' and (s4.above is null or f.broken_promises_12m > s4.above) and (s4.up_to is null or f.broken_promises_12m <= s4.up_to) end
    left join scorecard s5 on s5.factor = 'disputes_12m' and case when f.disputes_12m is null then s5.bin = 'none'
    else s5.bin <> 'none' and (s5.above is null or f.disputes_12m > s5.above) and (s5.up_to is null or f.disputes_12m <= s5.up_to) end
    left join scorecard s6 on s6.factor = 'past_due_share' and case when f.past_due_share is null then s6.bin = 'none'
    else s6.bin <> 'none' and (s6.above is null or f.past_due_share > s6.above) and (s6.up_to is null or f.past_due_share <= s6.up_to) end
    left join scorecard s7 on s7.factor = 'credit_limit_use' and case when f.credit_limit_use is null then s7.bin = 'none'
    else s7.bin <> 'none' and (s7.above is null or f.credit_limit_use > s7.above) and (s7.up_to is null or f.credit_limit_use <= s7.up_to) end
    left join scorecard s8 on s8.factor = 'tenure_months' and case when f.tenure_months is null then s8.bin = 'none'
    else s8.bin <> 'none' and (s8.above is null or f.tenure_months > s8.above) and (s8.up_to is null or f.tenure_months <= s8.up_to) end
    where f.month_end >= month_ends_from()
)

select
    month_end,
    customer_id,
    score,
    case when score >= 80 then 'A' when score >= 65 then 'B' when score >= 50 then 'C'
         when score >= 35 then 'D' when score >= 0 then 'E' end as score_band,
    * exclude (month_end, customer_id, score)
from scored
