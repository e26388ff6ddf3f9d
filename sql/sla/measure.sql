-- SLA measurements from sla_items (every event's items, built by SlaRunner from sql/sla/events/) and the
-- definitions in force. Each item belongs to the quarter its deadline falls in and is judged as of that quarter's
-- end, so it is counted once, and nothing after the quarter end is seen:
--   business clock: elapsed = business_day_number(end) - business_day_number(start), weekends and holidays not
--     counted (done the next business day after a Friday start = 1); deadline = the threshold-th business day after
--     the start. Calendar clock: elapsed = end - start; deadline = start + threshold.
--   done by the quarter end: breach when elapsed > threshold (exactly at the threshold is met);
--   open at the quarter end: an ageing breach, elapsed counted as if done on the next business (calendar) day.
-- Quarters that end after the data's horizon ($horizon) are not closed and not measured; those ending before $from
-- keep their earlier measurement (SlaRunner: no fact changed since reaches them). Only quarters ending on or before
-- $through are measured by one run of this file (SlaRunner measures a year at a time, to bound its memory).
-- Who handled an item: the dispute's own owner where the data records it, else the party of the customer's team
-- (sla_teams), else unassigned (no team: an unidentified payer). An SLA the BPO owns measures only the items the BPO
-- handled; a client SLA measures all; a per-item (data) SLA measures each item for its own owner.
-- cause: a system outage or staffing gap (service_events) over the item's clock, else what the event's data tells.
-- A system outage is the client's: its items are excused from an SLA the BPO owns (measured = false); a staffing
-- gap is the team's own and counts.
-- amount_rc: the money the item concerns (the receipt, invoice, disputed or promised amount) in the reporting currency
-- at the quarter-end rate, so the review can rank causes by value affected as well as by count.
with calendar as (select calendar_date, is_business_day, business_day_number from int_business_calendar),
business_days as (select business_day_number, calendar_date from calendar where is_business_day),
items as (
    select d.sla_id, d.clock, d.owner as sla_owner, i.item_id, i.customer_id, i.category, i.cause, i.item_owner,
           i.start_date, i.end_date, i.amount, i.currency_code,
           coalesce(t.threshold_days, d.threshold_days) as threshold_days
    from sla_items i
    join sla_definitions d on d.event = i.event
    left join sla_category_thresholds t on t.sla_id = d.sla_id and t.category = i.category
    where coalesce(t.threshold_days, d.threshold_days) is not null and i.start_date is not null
),
with_deadline as (
    select i.*, cs.business_day_number as start_bdn,
           case when i.clock = 'calendar' then i.start_date + i.threshold_days else bd.calendar_date end as deadline_date
    from items i
    join calendar cs on cs.calendar_date = i.start_date
    left join business_days bd on bd.business_day_number = cs.business_day_number + i.threshold_days
),
in_quarter as (
    select w.*,
           year(w.deadline_date) || 'Q' || quarter(w.deadline_date) as quarter,
           last_day(date_trunc('quarter', w.deadline_date) + interval 2 month)::date as quarter_end
    from with_deadline w where w.deadline_date is not null
),
as_of_quarter_end as (
    select q.*, case when q.end_date <= q.quarter_end then q.end_date end as end_seen
    from in_quarter q where q.quarter_end <= $horizon and q.quarter_end >= $from and q.quarter_end <= $through
),
elapsed as (
    select a.*,
           case when a.clock = 'calendar' then coalesce(a.end_seen, a.quarter_end + 1) - a.start_date
                when a.end_seen is not null then ce.business_day_number - a.start_bdn
                else cq.business_day_number + 1 - a.start_bdn end as elapsed_days
    from as_of_quarter_end a
    left join calendar ce on ce.calendar_date = a.end_seen
    join calendar cq on cq.calendar_date = a.quarter_end
),
with_cause as (
    select e.*, c.bpo_team as team, c.collector as team_collector, t.party,
           -- an operational disruption over the item's clock, for its team or all teams, is its cause (outage first)
           (select v.kind from service_events v
            where v.start_date <= e.deadline_date and v.end_date >= e.start_date and (v.team is null or v.team = c.bpo_team)
            order by v.kind = 'system_outage' desc, v.start_date, v.event_id limit 1) as disruption
    from elapsed e
    left join stg_customers c using (customer_id)
    left join sla_teams t on t.team = c.bpo_team
)
select e.sla_id, e.quarter, e.quarter_end, e.item_id, e.customer_id, e.category,
       coalesce(replace(e.disruption, '_', ' '), e.cause) as cause,
       case when e.sla_owner = 'data' then coalesce(e.item_owner, e.party, 'bpo') else e.sla_owner end as owner,
       coalesce(e.team, 'Unassigned') as bpo_team, coalesce(e.team_collector, 'Unassigned') as collector,
       e.start_date, e.deadline_date, e.end_seen as end_date, e.elapsed_days, e.threshold_days,
       greatest(e.elapsed_days - e.threshold_days, 0) as days_over,
       e.end_seen is null or e.elapsed_days > e.threshold_days as breach,
       case when e.end_seen is null then 'open past threshold'
            when e.elapsed_days > e.threshold_days then 'late' else 'met' end as status,
       coalesce(e.item_owner, e.party, 'unassigned') as handled_by,
       -- a system outage (the client's systems) excuses the BPO: its items do not count in a BPO-owned SLA
       case e.sla_owner when 'bpo' then coalesce(coalesce(e.item_owner, e.party) = 'bpo', false) and e.disruption is distinct from 'system_outage'
            else true end as measured,
       round(e.amount * r.rate, 2)::decimal(18,2) as amount_rc
from with_cause e
asof left join stg_fx_rates_to_reporting r on r.currency_code = e.currency_code and e.quarter_end >= r.rate_date
