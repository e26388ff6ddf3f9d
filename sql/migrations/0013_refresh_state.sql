-- What the derived tables (models, kpi_values, control charts, analyst views) were built from: the last load a
-- refresh saw, written in the refresh's own transaction. A load committed after it means a refresh is owed; the
-- scheduler runs it at start-up if it died between the two.
CREATE TABLE refresh_state (
    refreshed_through_load  BIGINT NOT NULL,   -- max(load_id) of loads when the refresh ran (0: none yet)
    refreshed_at            TIMESTAMP NOT NULL
);
