-- The collection worklist (the pack's Forecast & worklist sheet, `o2c predict worklist`): the open invoices of the
-- morning $as_of where a collector can save most, the first $top, from the latest prediction run for that morning.
--
-- Order: first the invoices where a collector can still change something (a promise broken, a dispute open, a
-- past-due invoice with no contact for 30 days, an invoice not yet due that will likely be paid late, debt past
-- the no-prediction threshold that needs escalating), by expected loss (the open amount not expected as cash
-- within 26 weeks, from the cash forecast's roll rates), then by value at risk (open amount x probability late);
-- then the rest the same way. Everything is as of the evening before $as_of, the reasons included: the customer's
-- payment history is the invoices it had paid by cash by that evening, not what was known on the invoice's date (an
-- invoice open three years is not "no payment history" when the customer has paid hundreds since).
-- $collector: only that collector's customers (null = all).
--
-- reason_codes (docs/forecast.md), actions first, then at most three risk reasons by weight:
--   PROMISE_BROKEN, IN_DISPUTE, NO_CONTACT, ESCALATE, REMIND (the next step's parts);
--   PAYS_LATE, PAYING_LATER, DISPUTES_ON_RECORD, PROMISES_BEFORE, LARGE_AMOUNT, NO_HISTORY, or ON_TIME alone.
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
ranked as (
    -- every open invoice's place in the list, from what decides it (the next step's conditions, expected loss, value
    -- at risk); only the first $top go on to have their customers' histories read
    select p.document_id, p.customer_id, c.customer_name, c.collector, d.due_date, d.amount, e.day - d.due_date as days_past_due,
           p.open_amount_rc, p.expected_pay_date, p.probability_late, p.value_at_risk, p.no_prediction_reason,
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
           ) as next_step,
           list_filter([
               case when bp.document_id is not null or bpc.customer_id is not null then 'PROMISE_BROKEN' end,
               case when od.document_id is not null then 'IN_DISPUTE' end,
               case when t.records_contacts and e.day > d.due_date and (lc.last_contact is null or e.day - lc.last_contact > 30) then 'NO_CONTACT' end,
               case when e.day - d.due_date > 90 then 'ESCALATE' end,
               case when d.due_date > e.day and p.probability_late >= 0.5 then 'REMIND' end
           ], x -> x is not null) as action_codes
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
    where $collector::varchar is null or c.collector = $collector::varchar
    order by (next_step <> '') desc, expected_loss desc, value_at_risk desc, document_id
    limit $top
),
listed_customers as (select distinct customer_id from ranked),
paid_history as (
    -- the customer's invoices settled by cash by the evening: days late (0 when on time), and the last 90 days'
    -- days past due against those before, as the payment model's trend feature measures it
    select s.customer_id, count(*) as paid_invoices,
           avg(greatest(0, s.settled_date - s.due_date)) as mean_days_late,
           coalesce(avg(s.settled_date - s.due_date) filter (where s.settled_date > e.day - 90)
                    - avg(s.settled_date - s.due_date) filter (where s.settled_date <= e.day - 90), 0) as trend_days_late,
           avg(s.amount) as mean_amount
    from int_document_settlement s, evening e
    where s.document_type = 'invoice' and s.settled_by_cash and s.settled_date <= e.day
      and s.customer_id in (select customer_id from listed_customers)
    group by 1
),
disputes_on_record as (
    select d.customer_id, count(*) as disputes from stg_disputes d, evening e
    where d.opened_date <= e.day and d.customer_id in (select customer_id from listed_customers) group by 1
),
promises_on_record as (
    select p.customer_id, count(*) as promises from stg_promises_to_pay p, evening e
    where p.promise_date <= e.day and p.customer_id in (select customer_id from listed_customers) group by 1
),
items as (
    select r.*,
           -- why the invoice is at risk, strongest first, from the history known that evening (weights as the
           -- payment model's reasons: days for lateness, 2 per dispute or promise, 3x the amount ratio)
           list_reverse(list_sort(list_filter([
               case when coalesce(h.paid_invoices, 0) = 0 then {'w': 1.0::double, 'c': 'NO_HISTORY', 't': 'no invoice of this customer paid by cash yet'} end,
               case when h.mean_days_late >= 5 then {'w': h.mean_days_late::double, 'c': 'PAYS_LATE', 't': 'pays ' || round(h.mean_days_late)::integer || ' days late on average (' || h.paid_invoices || ' invoices paid)'} end,
               case when h.trend_days_late >= 5 then {'w': h.trend_days_late::double, 'c': 'PAYING_LATER', 't': 'paying ' || round(h.trend_days_late)::integer || ' days later in the last 90 days'} end,
               case when dr.disputes > 0 then {'w': 2.0 * dr.disputes, 'c': 'DISPUTES_ON_RECORD', 't': dr.disputes || ' dispute(s) on record'} end,
               case when pr.promises > 0 then {'w': 2.0 * pr.promises, 'c': 'PROMISES_BEFORE', 't': pr.promises || ' promise(s) to pay made before'} end,
               case when h.mean_amount > 0 and r.amount / h.mean_amount >= 2
                    then {'w': 3.0 * (r.amount / h.mean_amount)::double, 'c': 'LARGE_AMOUNT', 't': 'amount ' || round(r.amount / h.mean_amount, 1) || 'x the customer''s usual'} end
           ], x -> x is not null)))[1:3] as risks
    from ranked r
    left join paid_history h on h.customer_id = r.customer_id
    left join disputes_on_record dr on dr.customer_id = r.customer_id
    left join promises_on_record pr on pr.customer_id = r.customer_id
)
select row_number() over (order by (next_step <> '') desc, expected_loss desc, value_at_risk desc, document_id) as rank,
       document_id, customer_id, customer_name, collector, due_date, days_past_due, open_amount_rc,
       expected_pay_date, coalesce(no_prediction_reason, '') as no_date_because, probability_late, expected_loss, value_at_risk,
       next_step,
       array_to_string(action_codes || case when len(risks) = 0 then ['ON_TIME'] else list_transform(risks, x -> x.c) end, ',') as reason_codes,
       case when len(risks) = 0 then 'pays on time as a rule' else array_to_string(list_transform(risks, x -> x.t), '; ') end as reasons
from items
order by rank
limit $top
