-- grain: document_id
-- materialized: table
-- Every invoice with the features known on its invoice date, without outcomes (the payment features mart adds them).
-- History features (hist_*) use only the customer's invoices settled by cash strictly before this invoice's date,
-- disputes opened and promises made before it; with no such invoice, counts are 0, means and shares NULL (a model
-- reads NULL as 0), the trend 0. A row depends only on facts dated before its invoice date, so it is computed once:
-- a refresh computes again only the invoices issued on or after the earliest changed date (sql/refresh), reading the
-- history of their customers alone.
with invoices as (
    select s.document_id, s.customer_id, s.document_date, s.due_date, s.amount, s.currency_code, s.settled_date, s.settled_by_cash,
           d.delivery_channel
    from int_document_settlement s
    join stg_documents d using (document_id)
    where d.document_type = 'invoice'
),
rates as (select * from stg_fx_rates_to_reporting),

-- The invoices whose features are computed: every one in a full build, those a change reaches in an incremental one.
-- A question's features depend only on its customer's facts before it, never on other questions: the facts read are
-- those of the questions' customers.
questions as (select * from invoices where in_refresh(document_id)),
asked as (select distinct customer_id from questions),
history_invoices as (select * from invoices where customer_id in (select customer_id from asked)),

-- The customer's past, read in ordered passes: each customer's invoices (as questions: what was known before this
-- date?) and the facts history counts form a stream ordered by day. A question on day d has key 2d and a fact of day
-- s key 2s + 1, so a window frame ending 1 PRECEDING holds exactly the facts of days before d. A join of each invoice
-- to its customer's earlier invoices says the same but grows with the square of a customer's invoices;
-- PaymentHistoryFeatureTests holds the two equal. Two streams, not one: the medians (the costly frames) read only
-- the questions and the cash settlements; the counts of disputes, promises and open and overdue items read the rest
-- (one stream of everything: 17.5 s at 1M invoices; two: 8.7 s, every feature of every invoice the same).
pay_events as (
    select customer_id, 2 * (document_date - date '2000-01-01') as k, document_id,
           null::bigint as days_to_pay, null::bigint as days_late, null::bigint as days_past_due, null::decimal(2,1) as is_late,
           null::decimal(18,3) as amount, coalesce(delivery_channel, 'unknown') as channel
    from questions
    union all
    select customer_id, 2 * (settled_date - date '2000-01-01') + 1, null,
           settled_date - document_date, greatest(0, settled_date - due_date), settled_date - due_date,
           case when settled_date > due_date then 1.0 else 0.0 end, amount, coalesce(delivery_channel, 'unknown')
    from history_invoices where settled_by_cash
),

count_events as (
    select customer_id, 2 * (document_date - date '2000-01-01') as k, document_id,
           null::integer as dispute, null::integer as promise, null::integer as open_delta, null::integer as overdue_delta
    from questions
    union all
    select customer_id, 2 * (opened_date - date '2000-01-01') + 1, null, 1, null, null, null
    from stg_disputes where customer_id in (select customer_id from asked)
    union all
    select customer_id, 2 * (promise_date - date '2000-01-01') + 1, null, null, 1, null, null
    from stg_promises_to_pay where customer_id in (select customer_id from asked)
    -- the customer's open items: +1 when an invoice is issued, -1 when it is settled (by anything)
    union all
    select customer_id, 2 * (document_date - date '2000-01-01') + 1, null, null, null, 1, null
    from history_invoices
    union all
    select customer_id, 2 * (settled_date - date '2000-01-01') + 1, null, null, null, -1, null
    from history_invoices where settled_date is not null
    -- ... and its overdue ones: +1 the day after the due date while still open, -1 when settled after it
    union all
    select customer_id, 2 * (due_date - date '2000-01-01') + 1, null, null, null, null, 1
    from history_invoices where settled_date is null or settled_date > due_date
    union all
    select customer_id, 2 * (settled_date - date '2000-01-01') + 1, null, null, null, null, -1
    from history_invoices where settled_date > due_date
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

history as (select * from pay_history join count_history using (document_id)),

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
        coalesce(i.delivery_channel, 'unknown') as invoice_channel,
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
