-- Open invoices on the morning of $asof that no model can honestly date, with the reason in a collector's words:
-- more than $max_days_past_due days past due the evening before (history says such debt hardly pays on any
-- schedule); in a dispute open that evening; or past due with no contact with the customer for more than
-- $stale_contact_days days (only when the warehouse records collection contacts at all: without them the rule
-- would silence every item). Facts dated on or after $asof are not read.
with open_items as (
    select document_id from int_document_balance_events
    where event_date < $asof group by 1 having sum(delta) > 0
),
invoices as (
    select d.document_id, d.customer_id, d.due_date, $asof::date - 1 - d.due_date as days_past_due
    from stg_documents d join open_items using (document_id)
    where d.document_type = 'invoice'
),
disputes as (
    select document_id, min(opened_date) as opened_date from stg_disputes
    where opened_date < $asof and (resolved_date is null or resolved_date >= $asof) and document_id is not null
    group by 1
),
contacts as (
    select customer_id, max(activity_date) as last_contact from stg_collection_activities
    where activity_date < $asof group by 1
),
tracking as (select count(*) > 0 as records_contacts from stg_collection_activities where activity_date < $asof)

select * from (
    select i.document_id,
           case
               when i.days_past_due > $max_days_past_due
                   then format('over {} days past due', $max_days_past_due)
               when d.document_id is not null
                   then 'in dispute since ' || strftime(d.opened_date, '%Y-%m-%d')
               when t.records_contacts and i.days_past_due > 0
                    and (c.last_contact is null or $asof::date - 1 - c.last_contact > $stale_contact_days)
                   then case when c.last_contact is null then 'past due, customer never contacted'
                             else format('past due, no contact since {}', strftime(c.last_contact, '%Y-%m-%d')) end
           end as reason
    from invoices i
    cross join tracking t
    left join disputes d using (document_id)
    left join contacts c using (customer_id)
) where reason is not null
