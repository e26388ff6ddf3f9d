-- Cash posted: from a receipt's value date to its first application to an invoice. A receipt never applied stays
-- open. Cause: how it was matched (auto, manual) or that it was not applied at all.
with first_application as (
    select receipt_id, min(application_date) as applied_date, arg_min(match_method, application_date) as match_method
    from stg_applications group by receipt_id
)
select r.receipt_id as item_id, r.customer_id, null::varchar as category,
       case when f.receipt_id is null then case when r.customer_id is null then 'unidentified payer' else 'not applied' end
            else f.match_method || ' match' end as cause,
       r.value_date as start_date, f.applied_date as end_date, null::varchar as item_owner
from stg_receipts r
left join first_application f using (receipt_id)
