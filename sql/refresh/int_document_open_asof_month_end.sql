-- The documents that can be open at a month end on or after $from: those open at the month end before it (that row
-- stays: every event it counts is dated before $from) and those with a balance event after that month end. Every
-- document when that month end is before the first reporting month (opening balances carry older dates).
select document_id from int_document_open_asof_month_end
where month_end = (date_trunc('month', $from) - interval 1 day)::date
union all
select document_id from int_document_balance_events
where event_date > (date_trunc('month', $from) - interval 1 day)::date
union all
select document_id from stg_documents
where (select min(month_end) from int_month_ends) > (date_trunc('month', $from) - interval 1 day)::date
