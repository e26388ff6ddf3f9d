-- One row per `o2c load` that committed.
CREATE TABLE loads (
    load_id           BIGINT NOT NULL,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP NOT NULL,
    source_folder     VARCHAR NOT NULL,
    files_seen        INTEGER NOT NULL,
    files_loaded      INTEGER NOT NULL,
    files_unchanged   INTEGER NOT NULL,
    rows_loaded       BIGINT NOT NULL,
    rows_rejected     BIGINT NOT NULL
);

-- One row per file per load: what was read, what went in, what was rejected.
-- status: loaded (new file) | replaced (same name, new content) | unchanged (same hash, nothing done)
CREATE TABLE load_files (
    load_id           BIGINT NOT NULL,
    file_name         VARCHAR NOT NULL,
    entity            VARCHAR NOT NULL,
    sha256            VARCHAR NOT NULL,
    size_bytes        BIGINT NOT NULL,
    status            VARCHAR NOT NULL,
    rows_read         BIGINT NOT NULL,
    rows_loaded       BIGINT NOT NULL,
    rows_rejected     BIGINT NOT NULL,
    rows_removed      BIGINT NOT NULL,        -- rows of the file's previous version taken out
    PRIMARY KEY (load_id, file_name)
);

-- Rows that failed validation: file, line, column, raw value and reason.
CREATE TABLE rejects (
    load_id           BIGINT NOT NULL,
    file_name         VARCHAR NOT NULL,
    entity            VARCHAR NOT NULL,
    line_number       BIGINT NOT NULL,
    column_name       VARCHAR,
    raw_value         VARCHAR,
    reason_code       VARCHAR NOT NULL,
    reason            VARCHAR NOT NULL
);
