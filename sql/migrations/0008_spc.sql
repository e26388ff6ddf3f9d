-- Control charts: every charted point with its limits, and every run-rule signal with its direction and whether
-- that direction is bad for the KPI. Rebuilt by `o2c spc` / `o2c run` from kpi_values.
CREATE TABLE spc_points (
    kpi_id            VARCHAR NOT NULL,
    dimension         VARCHAR NOT NULL,
    member            VARCHAR NOT NULL,
    period_end        DATE NOT NULL,
    chart             VARCHAR NOT NULL,       -- XmR | P
    seasonally_adjusted BOOLEAN NOT NULL,
    in_baseline       BOOLEAN NOT NULL,
    value             DECIMAL(38,6) NOT NULL, -- charted value (seasonally adjusted where stated), in the KPI's unit
    centre            DECIMAL(38,6) NOT NULL,
    sigma             DECIMAL(38,6) NOT NULL,
    lower_limit       DECIMAL(38,6) NOT NULL,
    upper_limit       DECIMAL(38,6) NOT NULL
);

CREATE TABLE spc_signals (
    kpi_id            VARCHAR NOT NULL,
    dimension         VARCHAR NOT NULL,
    member            VARCHAR NOT NULL,
    period_end        DATE NOT NULL,
    rule              VARCHAR NOT NULL,
    direction         VARCHAR NOT NULL,       -- up | down
    is_bad            BOOLEAN NOT NULL,       -- the move is in the KPI's bad direction
    alerting          BOOLEAN NOT NULL        -- alert by default on rule 1; zone and run rules on XmR charts too
);
