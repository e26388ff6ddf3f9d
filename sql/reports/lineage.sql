-- Pack, Data lineage sheet: every source file whose rows are in the warehouse, as the load ledger records it:
-- the load that brought its current content (hash, size, rows read, loaded, rejected) and when it was last checked
-- unchanged.
with ledger as (
    select f.*, l.finished_at, l.source_folder from load_files f join loads l using (load_id)
),
current_content as (
    select * from ledger where status in ('loaded', 'replaced')
    qualify row_number() over (partition by file_name order by load_id desc) = 1
),
last_seen as (
    select file_name, max(finished_at) as last_checked from ledger group by file_name
)
select c.entity, c.file_name, c.sha256, c.size_bytes, c.load_id, c.finished_at as loaded_at, s.last_checked,
       c.rows_read, c.rows_loaded, c.rows_rejected, c.status
from current_content c join last_seen s using (file_name)
order by c.entity, c.file_name
