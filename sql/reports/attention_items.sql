-- Pack, Summary sheet: candidates for "what needs attention" at $month_end, for the customers in the pack's scope
-- ($scope_dimension, $scope_member; 'company' = all), each with the team that owns it (the customer's BPO or
-- in-house team). One row per candidate; PackAttention picks and words them.
--   overdue_up:      the 3 customers whose past-due AR grew most since $prior_month_end (amount now and before);
--   broken_promises: per team, promises to pay whose grace date (promised date + 2 days) fell in the month unkept,
--                    the customers they were for and what of the promised invoices is still open at the month end;
--   sla_below:       per SLA, the latest closed quarter's compliance when below its target, owned by whoever has
--                    the most breaches of it (a BPO team, or the client's finance team).
with scope as materialized (select customer_id from customers_in_scope($scope_dimension, $scope_member)),
overdue as (
    select n.customer_id, n.past_due_ar_rc as amount, coalesce(b.past_due_ar_rc, 0) as amount_before
    from fct_customer_month n
    left join fct_customer_month b on b.customer_id = n.customer_id and b.month_end = $prior_month_end
    where n.month_end = $month_end and n.customer_id in (select customer_id from scope)
      and n.past_due_ar_rc > coalesce(b.past_due_ar_rc, 0)
    order by n.past_due_ar_rc - coalesce(b.past_due_ar_rc, 0) desc, n.customer_id
    limit 3
),
broken as (
    select coalesce(c.bpo_team, 'Unassigned') as owner, count(*) as items, count(distinct p.customer_id) as customers,
           coalesce(sum(s.open_amount_rc), 0) as amount
    from int_promise_outcomes p
    join stg_customers c using (customer_id)
    left join fct_ar_snapshot_monthly s on s.document_id = p.document_id and s.month_end = $month_end
    where p.grace_date > $prior_month_end and p.grace_date <= $month_end and not p.kept
      and p.customer_id in (select customer_id from scope)
    group by all
),
quarter as (select max(quarter_end) as quarter_end from sla_measurements where quarter_end <= $month_end),
sla as (
    select m.sla_id, any_value(m.quarter) as quarter,
           count(*) filter (where m.breach) as breaches,
           count(*) filter (where not m.breach) / count(*)::decimal(18,6) as compliance
    from sla_measurements m join quarter q using (quarter_end)
    where m.measured and ($scope_dimension = 'company' or m.customer_id in (select customer_id from scope))
    group by m.sla_id
),
-- A breach is owned by the party the SLA holds to it (sla_measurements.owner): the BPO's team of the customer, or
-- the client's own finance team, whatever team collects from the customer.
sla_owner as (
    select sla_id, owner from (
        select m.sla_id, case when m.owner = 'bpo' then coalesce(m.bpo_team, 'Unassigned') else 'Client finance (in-house)' end as owner
        from sla_measurements m join quarter q using (quarter_end)
        where m.measured and m.breach and ($scope_dimension = 'company' or m.customer_id in (select customer_id from scope))
    )
    group by sla_id, owner
    qualify row_number() over (partition by sla_id order by count(*) desc, owner) = 1
),
candidates as (
    select 'overdue_up' as rule, c.customer_name as subject, coalesce(c.bpo_team, 'Unassigned') as owner,
           o.amount, o.amount_before, null::bigint as items, null::bigint as customers, null::decimal(18,6) as rate,
           null::decimal(18,6) as target, null::varchar as period
    from overdue o join stg_customers c using (customer_id)
    union all
    select 'broken_promises', null, owner, amount, null, items, customers, null, null, null from broken
    union all
    select 'sla_below', d.sla_name, coalesce(o.owner, d.owner), null, null, s.breaches, null, s.compliance, d.target_rate, s.quarter
    from sla s join sla_definitions d using (sla_id) left join sla_owner o using (sla_id)
    where s.compliance < d.target_rate
)
select * from candidates
order by rule, amount - coalesce(amount_before, 0) desc nulls last, items desc, subject
