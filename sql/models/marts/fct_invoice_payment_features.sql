-- A view, not a table: computed when a model trains or scores, so refreshes do not pay for it.
-- Every invoice with the features known on its invoice date, and, apart, the outcome a model learns from.
-- History features (hist_*) use only the customer's invoices settled by cash strictly before this invoice's date,
-- disputes opened and promises made before it. Outcomes (settled_date, days_to_pay, days_late) are never features.
with invoices as (
    select s.document_id, s.customer_id, s.document_date, s.due_date, s.amount, s.currency_code, s.settled_date, s.settled_by_cash
    from int_document_settlement s
    join stg_documents d using (document_id)
    where d.document_type = 'invoice'
),
rates as (select * from stg_fx_rates_to_reporting),

history as (
    select
        i.document_id,
        count(h.document_id) as hist_count,
        avg(h.settled_date - h.document_date) as hist_mean_days_to_pay,
        quantile_cont(h.settled_date - h.document_date, 0.5) as hist_median_days_to_pay,
        avg(greatest(0, h.settled_date - h.due_date)) as hist_mean_days_late,
        avg(case when h.settled_date > h.due_date then 1.0 else 0.0 end) as hist_share_late,
        avg(h.amount) as hist_mean_amount,
        -- trend: days late of settlements in the last 90 days against those before
        coalesce(avg(case when h.settled_date >= i.document_date - 90 then h.settled_date - h.due_date end)
               - avg(case when h.settled_date < i.document_date - 90 then h.settled_date - h.due_date end), 0) as hist_trend_days_late
    from invoices i
    left join invoices h
      on h.customer_id = i.customer_id and h.settled_by_cash and h.settled_date < i.document_date
    group by i.document_id
),

disputes_before as (
    select i.document_id, count(p.dispute_id) as disputes_before
    from invoices i left join stg_disputes p on p.customer_id = i.customer_id and p.opened_date < i.document_date
    group by i.document_id
),

promises_before as (
    select i.document_id, count(p.promise_id) as promises_before
    from invoices i left join stg_promises_to_pay p on p.customer_id = i.customer_id and p.promise_date < i.document_date
    group by i.document_id
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
        c.e_invoicing,
        h.hist_count,
        h.hist_mean_days_to_pay,
        h.hist_median_days_to_pay,
        h.hist_mean_days_late,
        h.hist_share_late,
        h.hist_trend_days_late,
        d.disputes_before,
        p.promises_before,
        -- outcomes (labels only)
        case when i.settled_by_cash then i.settled_date end as settled_date,
        case when i.settled_by_cash then i.settled_date - i.document_date end as days_to_pay,
        case when i.settled_by_cash then greatest(0, i.settled_date - i.due_date) end as days_late
    from invoices i
    join history h using (document_id)
    join disputes_before d using (document_id)
    join promises_before p using (document_id)
    left join stg_customers c using (customer_id)
    asof left join rates r on r.currency_code = i.currency_code and i.document_date >= r.rate_date
)

select * from final
