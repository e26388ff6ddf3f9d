-- Top-10 customer concentration: AR at month end of the 10 largest customers (by AR) / AR at month end, x 100.
-- Computed per group: the 10 largest within each member. Every dimension at once: a member's 10 largest are among
-- the 10 largest of the customer cells it is made of (_kpi_member_cells: cell, dimension, member; the order is total),
-- so only those are ranked within the member.
with ar as (
    select f.month_end, f.customer_id, cc.cell, f.ar_end_rc
    from fct_customer_month f join _kpi_customer_cells cc using (customer_id)
    where f.ar_end_rc <> 0
      and f.month_end >= kpi_first_day()  -- only the months computed: each month stands alone
),
cell_largest as (
    select * from (
        select *, row_number() over (partition by month_end, cell order by ar_end_rc desc, customer_id) as rank_in_cell
        from ar)
    where rank_in_cell <= 10
),
member_largest as (
    select l.month_end, mc.dimension, mc.member, l.ar_end_rc,
           row_number() over (partition by l.month_end, mc.dimension, mc.member order by l.ar_end_rc desc, l.customer_id) as rank_in_member
    from cell_largest l join _kpi_member_cells mc using (cell)
),
top10 as (
    select month_end, dimension, member, sum(ar_end_rc) as ar_top10
    from member_largest where rank_in_member <= 10
    group by all
),
total as (
    select a.month_end, mc.dimension, mc.member, sum(a.ar_end) as ar_end
    from (select month_end, cell, sum(ar_end_rc) as ar_end from ar group by all) a
    join _kpi_member_cells mc using (cell)
    group by all
)
select t.month_end as period_end, t.dimension, t.member,
       coalesce(l.ar_top10, 0) as numerator,
       t.ar_end as denominator
from total t left join top10 l using (month_end, dimension, member)
