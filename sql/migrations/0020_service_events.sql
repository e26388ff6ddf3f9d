-- Operational disruptions (system outages, staffing gaps), loaded like any canonical file: the SLA review puts an
-- item whose clock ran over one, for its team or all teams, down to it (a root cause the transactions cannot tell).
CREATE TABLE service_events (
    event_id          VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,   -- system_outage | staffing_gap
    start_date        DATE NOT NULL,
    end_date          DATE NOT NULL,
    team              VARCHAR,            -- empty: every team
    note              VARCHAR,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);
CREATE TABLE raw.service_events AS SELECT * FROM service_events;
