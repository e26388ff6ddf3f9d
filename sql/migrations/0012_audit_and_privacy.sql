-- Audit log: loads, configuration changes, model runs, reports sent and purges, with when, what and by which
-- command. Append-only: the program only inserts (AuditLog.Record), and each entry carries the SHA-256 of its own
-- content chained to the entry before it, so an update or delete anywhere shows as a broken chain (AuditLog.Verify).
-- Purges never touch this table.
CREATE TABLE audit_log (
    entry_id        BIGINT NOT NULL PRIMARY KEY,
    recorded_at     TIMESTAMP NOT NULL,   -- UTC
    action          VARCHAR NOT NULL,     -- load | configuration | model_trained | predictions_scored | pack_sent | sla_review_sent | purge
    detail          VARCHAR NOT NULL,     -- one line for people
    data            VARCHAR,              -- the particulars as JSON (counts, ids, the settings), for machines
    command         VARCHAR NOT NULL,     -- the command line or scheduled job that did it
    os_user         VARCHAR NOT NULL,
    previous_hash   VARCHAR NOT NULL,     -- entry_hash of entry_id - 1; 64 zeros for the first
    entry_hash      VARCHAR NOT NULL
);

-- Retention: what each `o2c purge --before DATE` removed, per table (the audit log has the command and totals).
CREATE TABLE purges (
    purge_id        BIGINT NOT NULL,
    purged_at       TIMESTAMP NOT NULL,
    before_date     DATE NOT NULL,
    table_name      VARCHAR NOT NULL,
    rows_removed    BIGINT NOT NULL,
    rule            VARCHAR NOT NULL
);

-- The secret that turns customer and collector names into stable pseudonyms in outputs that leave the company,
-- unless O2C_PSEUDONYM_KEY gives one. Whoever holds the warehouse can re-identify; recipients of a mailed pack cannot.
CREATE TABLE pseudonym_key (
    key_hex         VARCHAR NOT NULL
);
