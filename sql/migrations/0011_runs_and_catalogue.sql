-- Scheduled operation: every job run (and every retry) with its trigger, planned and actual times, outcome and
-- outputs. And the KPI catalogue as a table, written by each refresh, so analysts can join names to kpi_values.
CREATE TABLE job_runs (
    run_id          BIGINT NOT NULL,
    job             VARCHAR NOT NULL,
    job_kind        VARCHAR NOT NULL,   -- extract | refresh | pack | sla | export
    trigger         VARCHAR NOT NULL,   -- schedule | misfire (missed while the host was down) | chained | manual
    planned_start   TIMESTAMP,
    actual_start    TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    attempt         INTEGER NOT NULL,
    status          VARCHAR NOT NULL,   -- running | succeeded | failed (retried) | failed | abandoned
    rows_loaded     BIGINT,
    outputs         VARCHAR,            -- files written, ';'-separated
    error           VARCHAR
);

CREATE TABLE kpi_catalog (
    kpi_id          VARCHAR NOT NULL,
    kpi_name        VARCHAR NOT NULL,
    area            VARCHAR NOT NULL,
    unit            VARCHAR NOT NULL,
    good_direction  VARCHAR NOT NULL,
    formula         VARCHAR NOT NULL,
    reference       VARCHAR NOT NULL,
    PRIMARY KEY (kpi_id)
);
