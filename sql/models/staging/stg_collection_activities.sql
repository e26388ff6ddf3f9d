-- grain: activity_id
-- Dunning letters, emails and calls, with the collector who made them.
with activities as (select * from collection_activities)

select
    activity_id,
    customer_id,
    document_id,
    collector,
    activity_date,
    activity_type,
    outcome
from activities
