-- grain: month_end, customer_id
-- materialized: table
-- One row per customer and month end: the AR balances and credit sales that the receivables KPIs are built
-- from. Every figure is additive over customers, so any group's KPI is sum(numerator) / sum(denominator).
with months as (select * from int_month_ends),
ar as (
    select month_end, customer_id,
           sum(open_amount_rc) as ar_end_rc,
           sum(case when is_past_due then open_amount_rc else 0 end) as past_due_ar_rc
    from fct_ar_snapshot_monthly
    -- only the month ends computed (month_ends_from()) and the one before each
    where month_end >= month_ends_from() - interval 2 month
    group by month_end, customer_id
),
-- only what the month ends computed reach back to: 3 months of sales
sales as (select month_end, customer_id, credit_sales_rc from fct_credit_sales_monthly where month_end >= month_ends_from() - interval 3 month),
sales_3m as (
    select m.month_end, s.customer_id, sum(s.credit_sales_rc) as credit_sales_3m_rc
    from months m join sales s on s.month_end between last_day(m.window3_start) and m.month_end
    group by m.month_end, s.customer_id
),

customer_months as (
    -- a customer counts in a month when it has AR at this or the prior month end, or sales in the 3-month window
    select m.month_end, a.customer_id from months m join ar a on a.month_end = m.month_end
    union
    select m.month_end, a.customer_id from months m join ar a on a.month_end = m.prior_month_end
    union
    select month_end, customer_id from sales_3m
),

final as (
    select
        cm.month_end,
        cm.customer_id,
        m.month_index,
        m.days_in_window3,
        coalesce(a.ar_end_rc, 0)::decimal(18,2) as ar_end_rc,
        coalesce(a.past_due_ar_rc, 0)::decimal(18,2) as past_due_ar_rc,
        (coalesce(a.ar_end_rc, 0) - coalesce(a.past_due_ar_rc, 0))::decimal(18,2) as current_ar_rc,
        coalesce(b.ar_end_rc, 0)::decimal(18,2) as ar_begin_rc,
        coalesce(s.credit_sales_rc, 0)::decimal(18,2) as credit_sales_rc,
        coalesce(s3.credit_sales_3m_rc, 0)::decimal(18,2) as credit_sales_3m_rc
    from customer_months cm
    join months m on m.month_end = cm.month_end
    left join ar a on a.month_end = cm.month_end and a.customer_id = cm.customer_id
    left join ar b on b.month_end = m.prior_month_end and b.customer_id = cm.customer_id
    left join sales s on s.month_end = cm.month_end and s.customer_id = cm.customer_id
    left join sales_3m s3 on s3.month_end = cm.month_end and s3.customer_id = cm.customer_id
)

select * from final
