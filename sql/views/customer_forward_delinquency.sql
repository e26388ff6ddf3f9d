-- Table macro customer_forward_delinquency(over_days := 30): what happened next to every scored customer-month: delinquent when one of the customer's items that was not more than over_days days past due at the month end (or not yet issued) is open more than over_days days past due at one of the three month ends after it. Only month ends with three closed month ends after them in the warehouse (a month end before today). The outcome the customer score is validated against (o2c customer-score --validate, docs/customer-score.md); it reads the future, so it is computed when asked, never stored beside the score. Example: select score_band, avg(delinquent::int) from customer_forward_delinquency() join fct_customer_score_monthly using (month_end, customer_id) group by all order by 1.
create or replace macro customer_forward_delinquency(over_days := 30) as table
with scored as (
    select month_end, customer_id from fct_customer_score_monthly
    -- three closed month ends after it: a month still open would count items due later in it as past due
    where month_end <= last_day((select max(month_end) from int_month_ends where month_end < current_date) - interval 3 month)
),
delinquent_items as (
    select month_end, document_id, customer_id from fct_ar_snapshot_monthly
    where days_past_due > over_days and open_amount_rc > 0
),
newly_delinquent as (
    -- an item over over_days days past due at a month end that was not at the scored month end, within the three after it
    select distinct s.month_end, s.customer_id
    from scored s
    join delinquent_items later on later.customer_id = s.customer_id
         and later.month_end > s.month_end and later.month_end <= last_day(s.month_end + interval 3 month)
    anti join delinquent_items before on before.month_end = s.month_end and before.document_id = later.document_id
)
select s.month_end, s.customer_id, n.customer_id is not null as delinquent
from scored s
left join newly_delinquent n using (month_end, customer_id)
