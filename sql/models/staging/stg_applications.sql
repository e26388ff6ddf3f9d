-- grain: application_id
-- Cash applications as loaded: each amount of a receipt applied to a document, in the receipt's currency.
with applications as (select * from applications)

select
    -- ids
    application_id,
    receipt_id,
    document_id,
    -- dates: the accounting date of the application, never a record's creation time
    application_date,
    -- amounts (receipt currency = document currency)
    amount,
    match_method
from applications
