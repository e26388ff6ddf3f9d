-- Pack, Data lineage sheet: the latest entries of the append-only audit log (loads, configuration changes, model
-- runs, reports sent, purges), newest first.
select recorded_at, action, detail, command, os_user, entry_id
from audit_log
order by entry_id desc
limit 200
