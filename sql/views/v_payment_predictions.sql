-- grain: as_of, document_id
-- Payment predictions of the latest model run for each as-of date: each open invoice's expected pay date (or, instead, why it has none), probability of paying late, value at risk and the reasons, with the customer and the run's training date.
create or replace view v_payment_predictions as
select p.as_of, p.run_id, r.trained_at, p.document_id, p.customer_id, c.customer_name, c.collector, p.open_amount_rc,
       p.expected_pay_date, p.no_prediction_reason, p.predicted_days_to_pay, p.probability_late, p.probability_late_n, p.value_at_risk, p.reasons
from payment_predictions p
join model_runs r using (run_id)
join stg_customers c using (customer_id)
where p.run_id = (select max(run_id) from payment_predictions x where x.as_of = p.as_of)
