-- Incremental refresh (issue 22): every writer of facts (a load, a cash-matching run, a retention purge) records the
-- earliest fact date it changed, so a refresh rebuilds the month ends from that date on and leaves earlier months as
-- they are. whole_history: a change with no date to bound it (customers, targets, a purge), which only a full refresh
-- covers. refresh_state says which change the derived tables were last built through and from what (built_from: the
-- models', KPIs' and program's fingerprint; another one, or none, means a full refresh).
CREATE TABLE fact_changes (
    change_id           BIGINT NOT NULL PRIMARY KEY,
    recorded_at         TIMESTAMP NOT NULL,
    changed_by          VARCHAR NOT NULL,   -- 'load 12', 'cash matching run 3', 'retention purge'
    earliest_fact_date  DATE,               -- the earliest date of a fact added, removed or changed
    whole_history       BOOLEAN NOT NULL
);
ALTER TABLE refresh_state ADD COLUMN refreshed_through_change BIGINT;
ALTER TABLE refresh_state ADD COLUMN built_from VARCHAR;
