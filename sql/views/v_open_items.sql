-- grain: month_end, document_id
-- Open receivables at every month end, one row per open document, with the customer's reporting dimensions: open amount in document and reporting currency, days past due, aging bucket. Sees only facts dated on or before each month end.
create or replace view v_open_items as
select s.month_end, s.document_id, s.document_type, s.customer_id, c.customer_name, c.segment, c.region, c.country_code,
       c.risk_class, c.collector, c.bpo_team, s.document_date, s.due_date, s.currency_code, s.open_amount, s.fx_rate,
       s.open_amount_rc, s.days_past_due, s.is_past_due, s.aging_bucket
from fct_ar_snapshot_monthly s join stg_customers c using (customer_id)
