-- Disputed AR %: AR at month end on documents with a dispute open at that month end (opened on or before it,
-- not resolved by it) / AR at month end, x 100.
with open_disputes as (
    select distinct m.month_end, p.document_id
    from int_month_ends m
    join stg_disputes p on p.opened_date <= m.month_end and (p.resolved_date is null or p.resolved_date > m.month_end)
    where p.dispute_kind = 'dispute'
)
select s.month_end as period_end, s.customer_id,
       sum(case when o.document_id is not null then s.open_amount_rc else 0 end) as numerator,
       sum(s.open_amount_rc) as denominator
from fct_ar_snapshot_monthly s
left join open_disputes o on o.month_end = s.month_end and o.document_id = s.document_id
group by s.month_end, s.customer_id
