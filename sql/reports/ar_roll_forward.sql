-- Pack, Aging page: how receivables moved from $prior_month_end to $month_end, in the reporting currency, for the
-- customers in the pack's scope ($scope_dimension, $scope_member). Opening and closing are the month-end snapshots
-- (each at its own month end's rate); the month's movements (int_document_balance_events dated after the opening
-- and on or before the closing) are converted at the closing rate; what is left is the revaluation of the opening
-- balance to the new rates (and cent rounding), so the lines add up to the closing balance exactly.
with scope as materialized (select customer_id from customers_in_scope($scope_dimension, $scope_member)),
opening as (select coalesce(sum(open_amount_rc), 0) as amount from fct_ar_snapshot_monthly
            where month_end = $prior_month_end and customer_id in (select customer_id from scope)),
closing as (select coalesce(sum(open_amount_rc), 0) as amount from fct_ar_snapshot_monthly
            where month_end = $month_end and customer_id in (select customer_id from scope)),
closing_rates as (
    select currency_code, rate from stg_fx_rates_to_reporting where rate_date <= $month_end
    qualify row_number() over (partition by currency_code order by rate_date desc) = 1
),
movements as (
    select case when e.event_type = 'issued' and e.delta > 0 then 'invoices'
                when e.event_type in ('issued', 'credit_memo') then 'credit_memos'
                when e.event_type = 'cash_applied' then 'cash_applied'
                else 'written_off' end as movement,
           sum(round(e.delta * r.rate, 2)) as amount
    from int_document_balance_events e
    join stg_documents d using (document_id)
    join closing_rates r on r.currency_code = d.currency_code
    where e.event_date > $prior_month_end and e.event_date <= $month_end
      and d.customer_id in (select customer_id from scope)
    group by 1
),
lines as (
    select 1 as line, 'Open AR ' || strftime($prior_month_end, '%d %b %Y') as label, (select amount from opening) as amount
    union all select 2, 'Invoices and debit memos issued', coalesce((select amount from movements where movement = 'invoices'), 0)
    union all select 3, 'Credit memos', coalesce((select amount from movements where movement = 'credit_memos'), 0)
    union all select 4, 'Cash applied', coalesce((select amount from movements where movement = 'cash_applied'), 0)
    union all select 5, 'Written off', coalesce((select amount from movements where movement = 'written_off'), 0)
)
select line, label, amount from lines
union all
select 6, 'Exchange-rate revaluation and rounding', (select amount from closing) - (select sum(amount) from lines)
union all
select 7, 'Open AR ' || strftime($month_end, '%d %b %Y'), (select amount from closing)
order by line
