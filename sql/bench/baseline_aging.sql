-- Benchmark baseline: DuckDB alone computing the month-end aging of every month from the raw tables read by
-- read_csv (invoices less cash applied and credit memos by each month end, bucketed by days past due). The
-- pipeline's own models do this and more (currencies, write-offs, unlinked credits, every document type).
with months as (select distinct last_day(document_date) as month_end from raw_documents),
events as (
    select document_id, document_date as d, amount as delta from raw_documents where document_type = 'invoice'
    union all select corrects_document_id, document_date, -amount from raw_documents where document_type = 'credit_memo' and corrects_document_id is not null
    union all select document_id, application_date, -amount from raw_applications
),
balances as (
    select document_id, d as valid_from, lead(d) over (partition by document_id order by d) as valid_until,
           sum(delta) over (partition by document_id order by d rows unbounded preceding) as balance
    from (select document_id, d, sum(delta) as delta from events group by all)
),
open_items as (
    select m.month_end, b.document_id, b.balance
    from balances b join months m on m.month_end >= b.valid_from and (b.valid_until is null or m.month_end < b.valid_until)
    where b.balance <> 0
),
aged as (
    select o.month_end,
           case when o.month_end - d.due_date <= 0 then 'current' when o.month_end - d.due_date <= 30 then '1-30'
                when o.month_end - d.due_date <= 60 then '31-60' when o.month_end - d.due_date <= 90 then '61-90'
                when o.month_end - d.due_date <= 120 then '91-120' else '120+' end as bucket,
           sum(o.balance) as open_amount
    from open_items o join raw_documents d using (document_id)
    group by all
)
select count(*) from aged
