-- grain: receipt_id
-- Incoming payments as loaded: value and posting dates, amount in its currency, the payer when identified.
with receipts as (select * from receipts)

select
    -- ids
    receipt_id,
    customer_id,
    bank_reference,
    -- dates
    value_date,
    posted_date,
    -- amounts (receipt currency)
    currency_code,
    amount,
    payment_method,
    remittance_text
from receipts
