-- grain: write_off_id
-- Bad-debt and small-balance write-offs of documents, in the document's currency.
with write_offs as (select * from write_offs)

select
    write_off_id,
    document_id,
    write_off_date,
    amount,
    reason
from write_offs
