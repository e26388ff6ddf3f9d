-- grain: month_end, document_id
-- materialized: table
-- Each document's open amount as of every month end, in document currency: the sum of its balance events
-- dated on or before that month end. Events after a month end never touch it. Documents with nothing
-- open at a month end have no row for it. An incremental refresh rolls the month end before forward instead
-- (sql/refresh/int_document_open_asof_month_end.forward.sql).
with events as (
    select document_id, event_date, sum(delta) as delta
    from int_document_balance_events
    group by document_id, event_date
),

balances as (
    -- the balance holds from one event date until the next
    select
        document_id,
        event_date as valid_from,
        lead(event_date) over (partition by document_id order by event_date) as valid_until,
        sum(delta) over (partition by document_id order by event_date rows between unbounded preceding and current row) as balance
    from events
),

month_ends as (select month_end from int_month_ends)

select
    m.month_end,
    b.document_id,
    b.balance::decimal(18,3) as open_amount
from balances b
join month_ends m
  on m.month_end >= b.valid_from
 and (b.valid_until is null or m.month_end < b.valid_until)
where b.balance <> 0
