-- grain: month_end, segment, region, collector, bpo_team, aging_bucket
-- Monthly AR snapshot: open amount in the reporting currency at every month end by customer segment, region, collector, BPO team and aging bucket, with the number of open documents.
create or replace view v_ar_monthly as
select month_end, segment, region, collector, bpo_team, aging_bucket,
       count(*) as open_documents, sum(open_amount_rc) as open_amount_rc
from v_open_items
group by all
