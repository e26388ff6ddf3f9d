-- grain: promise_id
-- Promises to pay with the promised date and amount and the collector who took them.
with promises as (select * from promises_to_pay)

select
    promise_id,
    customer_id,
    document_id,
    collector,
    promise_date,
    promised_pay_date,
    currency_code,
    promised_amount
from promises
