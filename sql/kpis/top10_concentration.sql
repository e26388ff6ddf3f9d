-- Top-10 customer concentration: AR at month end of the 10 largest customers (by AR) / AR at month end, x 100.
-- Computed per group ({member} over stg_customers c): the 10 largest within each member.
with ar as (
    select f.month_end, f.customer_id, {member} as member, f.ar_end_rc
    from fct_customer_month f join stg_customers c using (customer_id)
    where f.ar_end_rc <> 0
      and f.month_end >= kpi_first_day()  -- only the months computed: each month stands alone
),
ranked as (
    select *, row_number() over (partition by month_end, member order by ar_end_rc desc, customer_id) as rank_in_member
    from ar
)
select month_end as period_end, member,
       sum(case when rank_in_member <= 10 then ar_end_rc else 0 end) as numerator,
       sum(ar_end_rc) as denominator
from ranked
group by all
