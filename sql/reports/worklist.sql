-- The collection worklist (the pack's Forecast & worklist sheet, `o2c predict worklist`): the open invoices of the
-- morning $as_of where a collector can save most, the first $top, from the latest prediction run for that morning.
--
-- Order: first the invoices where a collector can still change something (a promise broken, a dispute open, a
-- past-due invoice with no contact for 30 days, an invoice not yet due that will likely be paid late, debt past
-- the no-prediction threshold that needs escalating), by expected loss (the open amount not expected as cash
-- within 26 weeks, from the cash forecast's roll rates), then by value at risk (open amount x probability late);
-- then the rest the same way. Everything is as of the evening before $as_of.
with run as (select max(run_id) as run_id from payment_predictions where as_of = $as_of),
evening as (select $as_of::date - 1 as day),
predictions as (
    select p.* from payment_predictions p join run r on p.run_id = r.run_id where p.as_of = $as_of
),
broken_promises as (
    -- the latest promise on the invoice (or, without one, on its customer) made by the evening, when its date plus
    -- the 2 days' grace of the Top overdue sheet had passed with the invoice still open
    select * from (
        select p.document_id, p.customer_id, p.promised_pay_date, p.promised_amount, p.currency_code
        from stg_promises_to_pay p, evening e
        where p.promise_date <= e.day
        qualify row_number() over (partition by coalesce(p.document_id, p.customer_id) order by p.promise_date desc, p.promise_id desc) = 1
    ) latest, evening e
    where latest.promised_pay_date + 2 <= e.day
),
open_disputes as (
    select d.document_id, min(d.opened_date) as opened_date, any_value(d.category) as category, any_value(d.owner) as owner
    from stg_disputes d, evening e
    where d.opened_date <= e.day and (d.resolved_date is null or d.resolved_date > e.day) and d.document_id is not null
    group by 1
),
last_contact as (
    select a.customer_id, max(a.activity_date) as last_contact from stg_collection_activities a, evening e
    where a.activity_date <= e.day group by 1
),
tracking as (select count(*) > 0 as records_contacts from stg_collection_activities a, evening e where a.activity_date <= e.day),
items as (
    select p.document_id, p.customer_id, c.customer_name, c.collector, d.due_date, e.day - d.due_date as days_past_due,
           p.open_amount_rc, p.expected_pay_date, p.probability_late, p.value_at_risk, p.reasons, p.no_prediction_reason,
           coalesce(f.allowance_rc, 0) as expected_loss,
           -- the next step, in a collector's words (the strongest first)
           concat_ws('; ',
               case when bp.document_id is not null or bpc.customer_id is not null
                    then 'promise to pay by ' || strftime(coalesce(bp.promised_pay_date, bpc.promised_pay_date), '%Y-%m-%d') || ' broken: call back' end,
               case when od.document_id is not null
                    then 'in dispute since ' || strftime(od.opened_date, '%Y-%m-%d') || coalesce(' (' || od.category || ')', '') || ': chase the resolution' || coalesce(' with ' || od.owner, '') end,
               case when t.records_contacts and e.day > d.due_date and (lc.last_contact is null or e.day - lc.last_contact > 30)
                    then case when lc.last_contact is null then 'past due, customer never contacted: call'
                              else 'past due, no contact since ' || strftime(lc.last_contact, '%Y-%m-%d') || ': call' end end,
               case when e.day - d.due_date > 90 then (e.day - d.due_date) || ' days past due: escalate (hold, demand letter) or provide for it' end,
               case when d.due_date > e.day and p.probability_late >= 0.5
                    then 'due ' || strftime(d.due_date, '%Y-%m-%d') || ', ' || round(100 * p.probability_late)::integer || '% likely late: remind before it is due' end
           ) as next_step
    from predictions p
    cross join evening e
    cross join tracking t
    join stg_documents d using (document_id)
    join stg_customers c on c.customer_id = p.customer_id
    left join cash_forecast_items f on f.as_of = $as_of and f.document_id = p.document_id
    left join broken_promises bp on bp.document_id = p.document_id
    left join broken_promises bpc on bpc.document_id is null and bpc.customer_id = p.customer_id and e.day > d.due_date
    left join open_disputes od on od.document_id = p.document_id
    left join last_contact lc on lc.customer_id = p.customer_id
)
select row_number() over (order by (next_step <> '') desc, expected_loss desc, value_at_risk desc, document_id) as rank,
       document_id, customer_id, customer_name, collector, due_date, days_past_due, open_amount_rc,
       expected_pay_date, coalesce(no_prediction_reason, '') as no_date_because, probability_late, expected_loss, value_at_risk,
       next_step, reasons
from items
order by rank
limit $top
