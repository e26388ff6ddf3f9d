-- SLA review, Actions sheet: the actions agreed on breach causes that are raised by the review quarter and still open
-- at its end or closed within it (done or dropped), so each is carried from quarter to quarter until closed. Per
-- action: carried over (raised before this quarter), overdue (open past its due date at the quarter end), and the
-- breaches of its SLA and cause in this quarter (is the cause going away?).
with q as (select $quarter as quarter, $quarter_start::date as quarter_start, $quarter_end::date as quarter_end),
breaches as (
    select sla_id, cause, count(*) as breaches from sla_measurements
    where quarter = $quarter and measured and breach group by all
)
select a.action_id, a.sla_id, a.cause, a.action, a.action_owner, a.raised_quarter, a.due_date,
       case when a.status <> 'open' and a.closed_date > q.quarter_end then 'open' else a.status end as status,
       case when a.status <> 'open' and a.closed_date <= q.quarter_end then a.closed_date end as closed_date,
       case when a.raised_quarter < q.quarter then 'yes' else 'no' end as carried_over,
       case when (a.status = 'open' or a.closed_date > q.quarter_end) and a.due_date < q.quarter_end then 'yes' else 'no' end as overdue,
       coalesce(b.breaches, 0) as breaches_this_quarter
from sla_actions a cross join q
left join breaches b on b.sla_id = a.sla_id and b.cause = a.cause
where a.raised_quarter <= q.quarter
  and (a.status = 'open' or a.closed_date >= q.quarter_start)
order by (a.status = 'open' or a.closed_date > q.quarter_end) desc, a.due_date, a.action_id
