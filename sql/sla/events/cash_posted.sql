-- Cash posted: from a receipt's value date to its first application to an invoice. A receipt never applied stays
-- open. Cause, from what the data tells: no payer on the statement (unidentified payer), applied by hand with no
-- remittance text (missing remittance) or with text the matcher could not use (manual match), matched automatically
-- but posted late (posting backlog), or not applied at all. Amount: the receipt's.
with first_application as (
    select receipt_id, min(application_date) as applied_date, arg_min(match_method, application_date) as match_method
    from stg_applications group by receipt_id
)
select r.receipt_id as item_id, r.customer_id, null::varchar as category,
       case when r.customer_id is null then 'unidentified payer'
            when f.receipt_id is null then 'not applied'
            when f.match_method = 'manual' and coalesce(trim(r.remittance_text), '') = '' then 'missing remittance'
            when f.match_method = 'manual' then 'manual match'
            else 'posting backlog' end as cause,
       r.value_date as start_date, f.applied_date as end_date, null::varchar as item_owner,
       r.amount, r.currency_code
from stg_receipts r
left join first_application f using (receipt_id)
