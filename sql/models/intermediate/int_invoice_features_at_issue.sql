-- grain: document_id
-- materialized: table
-- Every invoice with the features known on its invoice date, without outcomes (the payment features mart adds them).
-- History features (hist_*) use only the customer's invoices settled by cash strictly before this invoice's date,
-- disputes opened and promises made before it; with no such invoice, counts are 0, means and shares NULL (a model
-- reads NULL as 0), the trend 0. A row depends only on facts dated before its invoice date, so it is computed once:
-- a refresh computes again only the invoices issued on or after the earliest changed date (sql/refresh), reading the
-- history of their customers alone.
with rates as (select * from stg_fx_rates_to_reporting),

-- The invoices whose features are computed: every one in a full build, those a change reaches in an incremental one.
-- A question's features depend only on its customer's facts before it, never on other questions: the facts read are
-- those of the questions' customers.
questions as (
    select document_id, customer_id, document_date, due_date, amount, currency_code, settled_date, settled_by_cash,
           coalesce(delivery_channel, 'unknown') as channel
    from int_document_settlement
    where document_type = 'invoice' and in_refresh(document_id)
),

-- Two ways to the same history, chosen per customer by how many of its invoices are asked about. A customer with
-- few (a day's invoices in an incremental refresh; a small customer) has each question joined to its facts: a few
-- rows each. A customer with many has its history read in ordered passes (below), as a join grows with the square
-- of its invoices. PaymentHistoryFeatureTests and the incremental refresh's property test hold the two equal.
asked as (
    select customer_id, count(*) <= 32 as by_join from questions group by customer_id
),
history_invoices as (
    select document_id, customer_id, document_date, due_date, amount, currency_code, settled_date, settled_by_cash,
           coalesce(delivery_channel, 'unknown') as channel
    from int_document_settlement
    where document_type = 'invoice' and customer_id in (select customer_id from asked)
),

-- The customer's past, read in ordered passes: each customer's invoices (as questions: what was known before this
-- date?) and the facts history counts form a stream ordered by day. A question on day d has key 2d and a fact of day
-- s key 2s + 1, so a window frame ending 1 PRECEDING holds exactly the facts of days before d. A join of each invoice
-- to its customer's earlier invoices says the same but grows with the square of a customer's invoices;
-- PaymentHistoryFeatureTests holds the two equal. Two streams, not one: the medians (the costly frames) read only
-- the questions and the cash settlements; the counts of disputes, promises and open and overdue items read the rest
-- (one stream of everything: 17.5 s at 1M invoices; two: 8.7 s, every feature of every invoice the same).
windowed as (select customer_id from asked where not by_join),
window_questions as (select * from questions where customer_id in (select customer_id from windowed)),
window_invoices as (select * from history_invoices where customer_id in (select customer_id from windowed)),

pay_events as (
    select customer_id, 2 * (document_date - date '2000-01-01') as k, document_id,
           null::bigint as days_to_pay, null::bigint as days_late, null::bigint as days_past_due, null::decimal(2,1) as is_late,
           null::decimal(18,3) as amount, channel
    from window_questions
    union all
    select customer_id, 2 * (settled_date - date '2000-01-01') + 1, null,
           settled_date - document_date, greatest(0, settled_date - due_date), settled_date - due_date,
           case when settled_date > due_date then 1.0 else 0.0 end, amount, channel
    from window_invoices where settled_by_cash
),

count_events as (
    select customer_id, 2 * (document_date - date '2000-01-01') as k, document_id,
           null::integer as dispute, null::integer as promise, null::integer as open_delta, null::integer as overdue_delta
    from window_questions
    union all
    select customer_id, 2 * (opened_date - date '2000-01-01') + 1, null, 1, null, null, null
    from stg_disputes where customer_id in (select customer_id from windowed)
    union all
    select customer_id, 2 * (promise_date - date '2000-01-01') + 1, null, null, 1, null, null
    from stg_promises_to_pay where customer_id in (select customer_id from windowed)
    -- the customer's open items: +1 when an invoice is issued, -1 when it is settled (by anything)
    union all
    select customer_id, 2 * (document_date - date '2000-01-01') + 1, null, null, null, 1, null
    from window_invoices
    union all
    select customer_id, 2 * (settled_date - date '2000-01-01') + 1, null, null, null, -1, null
    from window_invoices where settled_date is not null
    -- ... and its overdue ones: +1 the day after the due date while still open, -1 when settled after it
    union all
    select customer_id, 2 * (due_date - date '2000-01-01') + 1, null, null, null, null, 1
    from window_invoices where settled_date is null or settled_date > due_date
    union all
    select customer_id, 2 * (settled_date - date '2000-01-01') + 1, null, null, null, null, -1
    from window_invoices where settled_date > due_date
),

pay_history as (
    select * from (
        select
            document_id,
            count(days_to_pay) over before as hist_count,
            avg(days_to_pay) over before as hist_mean_days_to_pay,
            quantile_cont(days_to_pay, 0.5) over before as hist_median_days_to_pay,
            avg(days_late) over before as hist_mean_days_late,
            avg(is_late) over before as hist_share_late,
            avg(amount) over before as hist_mean_amount,
            -- trend: days late of settlements in the last 90 days (keys 2d-179 .. 2d-1) against those before
            -- (keys up to 2d-181)
            coalesce(avg(days_past_due) over last_90_days - avg(days_past_due) over before_90_days, 0) as hist_trend_days_late,
            -- the same history over the customer's invoices sent by this invoice's channel (a customer that moved
            -- to e-invoicing pays differently since)
            count(days_to_pay) over same_channel as hist_channel_count,
            quantile_cont(days_to_pay, 0.5) over same_channel as hist_channel_median_days_to_pay,
            avg(is_late) over same_channel as hist_channel_share_late
        from pay_events
        window
            before as (partition by customer_id order by k range between unbounded preceding and 1 preceding),
            last_90_days as (partition by customer_id order by k range between 179 preceding and 1 preceding),
            before_90_days as (partition by customer_id order by k range between unbounded preceding and 181 preceding),
            same_channel as (partition by customer_id, channel order by k range between unbounded preceding and 1 preceding)
    )
    where document_id is not null
),

count_history as (
    select * from (
        select
            document_id,
            count(dispute) over before as disputes_before,
            count(promise) over before as promises_before,
            coalesce(sum(open_delta) over before, 0) as open_before,
            coalesce(sum(overdue_delta) over before, 0) as overdue_before
        from count_events
        window before as (partition by customer_id order by k range between unbounded preceding and 1 preceding)
    )
    where document_id is not null
),

joined_questions as (
    select q.* from questions q join asked a using (customer_id) where a.by_join
),

joined_pay as (
    select i.document_id,
           count(h.document_id) as hist_count,
           avg(h.settled_date - h.document_date) as hist_mean_days_to_pay,
           quantile_cont(h.settled_date - h.document_date, 0.5) as hist_median_days_to_pay,
           -- (greatest() skips NULLs: without the filter an invoice with no history would average 0)
           avg(greatest(0, h.settled_date - h.due_date)) filter (where h.document_id is not null) as hist_mean_days_late,
           avg(case when h.settled_date > h.due_date then 1.0 else 0.0 end) filter (where h.document_id is not null) as hist_share_late,
           avg(h.amount) as hist_mean_amount,
           coalesce(avg(case when h.settled_date >= i.document_date - 90 then h.settled_date - h.due_date end)
                  - avg(case when h.settled_date < i.document_date - 90 then h.settled_date - h.due_date end), 0) as hist_trend_days_late,
           count(h.document_id) filter (where h.channel = i.channel) as hist_channel_count,
           quantile_cont(h.settled_date - h.document_date, 0.5)
               filter (where h.channel = i.channel) as hist_channel_median_days_to_pay,
           avg(case when h.settled_date > h.due_date then 1.0 else 0.0 end)
               filter (where h.document_id is not null and h.channel = i.channel) as hist_channel_share_late
    from joined_questions i
    left join history_invoices h on h.customer_id = i.customer_id and h.settled_by_cash and h.settled_date < i.document_date
    group by i.document_id, i.document_date, i.channel
),

joined_counts as (
    select i.document_id,
           (select count(*) from stg_disputes p where p.customer_id = i.customer_id and p.opened_date < i.document_date) as disputes_before,
           (select count(*) from stg_promises_to_pay p where p.customer_id = i.customer_id and p.promise_date < i.document_date) as promises_before,
           (select count(*) from history_invoices o where o.customer_id = i.customer_id and o.document_date < i.document_date
                and (o.settled_date is null or o.settled_date >= i.document_date)) as open_before,
           (select count(*) from history_invoices o where o.customer_id = i.customer_id and o.due_date < i.document_date
                and (o.settled_date is null or o.settled_date >= i.document_date)) as overdue_before
    from joined_questions i
),

history as (
    select * from pay_history join count_history using (document_id)
    union all by name
    select * from joined_pay join joined_counts using (document_id)
),

final as (
    select
        -- ids and dates
        i.document_id,
        i.customer_id,
        i.document_date,
        i.due_date,
        -- features (known on the invoice date)
        (i.due_date - i.document_date) as terms_days,
        ln(greatest(1, round(i.amount * r.rate, 2))) as log_amount_rc,
        case when h.hist_mean_amount > 0 then i.amount / h.hist_mean_amount else 1 end as amount_ratio,
        month(i.document_date) as invoice_month,
        day(i.document_date) as invoice_day,
        i.currency_code,
        c.segment,
        c.region,
        -- the channel this invoice was sent by (known when it is sent); not the customer's all-time e-invoicing flag
        i.channel as invoice_channel,
        h.hist_count,
        h.hist_mean_days_to_pay,
        h.hist_median_days_to_pay,
        h.hist_mean_days_late,
        h.hist_share_late,
        h.hist_trend_days_late,
        h.disputes_before,
        h.promises_before,
        h.open_before,
        h.overdue_before,
        h.hist_channel_count,
        coalesce(h.hist_channel_median_days_to_pay - h.hist_median_days_to_pay, 0) as channel_median_gap,
        h.hist_channel_share_late
    from questions i
    join history h using (document_id)
    left join stg_customers c using (customer_id)
    asof left join rates r on r.currency_code = i.currency_code and i.document_date >= r.rate_date
)

select * from final
