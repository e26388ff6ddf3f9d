-- grain: factor, bin
-- materialized: table
-- The customer scorecard: for each of the customer score's factors (a column of the marts' score factors), its bins
-- (a value v is in a bin when above < v <= up_to, an open end unbounded; the 'none' bin holds a missing value: no
-- settlement in 12 months, no credit limit) and the points a customer in the bin gets. A customer's score is the sum
-- of its factors' points: 0 with the worst bin of every factor, 100 with the best. The bins are chosen; the points
-- are fitted: the weight of evidence of each bin for a 90-day-forward delinquency (customer_forward_delinquency()),
-- adjacent bins pooled where the rate did not rise from a better bin to a worse one (bins run by value; the risk
-- is expected to rise with the value, except tenure's), a logistic regression on the
-- weights, scaled so that the best bins add up to 100. Fitted on the sample's month ends November 2023 to June 2025,
-- validated on the later ones (o2c customer-score --fit-until 2025-06, docs/customer-score.md). Tenure's bins pooled
-- into one on the sample: it is shown with 0 points. A customer without a credit limit gets the middle bin's points.
select factor, bin, bin_order::integer as bin_order, above::double as above, up_to::double as up_to,
       factor <> 'tenure_months' as risk_rises_with_value, points::integer as points
from (values
    ('late_share_12m',       '<=10%',     1, null,  0.10, 2),
    ('late_share_12m',       '10-25%',    2, 0.10,  0.25, 1),
    ('late_share_12m',       '25-40%',    3, 0.25,  0.40, 1),
    ('late_share_12m',       '40-60%',    4, 0.40,  0.60, 1),
    ('late_share_12m',       '>60%',      5, 0.60,  null, 0),
    ('late_share_12m',       'none',      6, null,  null, 1),
    ('mean_days_late_12m',   '<=1',       1, null,  1,    28),
    ('mean_days_late_12m',   '1-3',       2, 1,     3,    22),
    ('mean_days_late_12m',   '3-7',       3, 3,     7,    21),
    ('mean_days_late_12m',   '7-15',      4, 7,     15,   21),
    ('mean_days_late_12m',   '>15',       5, 15,    null, 0),
    ('mean_days_late_12m',   'none',      6, null,  null, 26),
    ('late_share_trend',     'improving', 1, null,  -0.20, 2),
    ('late_share_trend',     'steady',    2, -0.20, 0.20, 0),
    ('late_share_trend',     'worsening', 3, 0.20,  null, 0),
    ('broken_promises_12m',  '0',         1, null,  0,    6),
    ('broken_promises_12m',  '1',         2, 0,     1,    1),
    ('broken_promises_12m',  '2+',        3, 1,     null, 0),
    ('disputes_12m',         '0',         1, null,  0,    15),
    ('disputes_12m',         '1-2',       2, 0,     2,    10),
    ('disputes_12m',         '3+',        3, 2,     null, 0),
    ('past_due_share',       '0',         1, null,  0,    27),
    ('past_due_share',       '<=25%',     2, 0,     0.25, 2),
    ('past_due_share',       '25-50%',    3, 0.25,  0.50, 0),
    ('past_due_share',       '>50%',      4, 0.50,  null, 0),
    ('credit_limit_use',     '<=25%',     1, null,  0.25, 20),
    ('credit_limit_use',     '25-50%',    2, 0.25,  0.50, 12),
    ('credit_limit_use',     '50-75%',    3, 0.50,  0.75, 8),
    ('credit_limit_use',     '75-100%',   4, 0.75,  1.00, 5),
    ('credit_limit_use',     '>100%',     5, 1.00,  null, 0),
    ('credit_limit_use',     'none',      6, null,  null, 12),
    ('tenure_months',        '<6',        1, null,  5,    0),
    ('tenure_months',        '6-12',      2, 5,     11,   0),
    ('tenure_months',        '12+',       3, 11,    null, 0)
) as t(factor, bin, bin_order, above, up_to, points)
