-- KPI results with their parts: any set of members recomputes exactly as sum(numerator) / sum(denominator).
-- value is null when the KPI is not available for that month; note then says why.
CREATE TABLE kpi_values (
    kpi_id            VARCHAR NOT NULL,
    period_end        DATE NOT NULL,
    dimension         VARCHAR NOT NULL,       -- company | region | segment | currency | risk_class | collector | bpo_team
    member            VARCHAR NOT NULL,
    numerator         DECIMAL(38,6),
    denominator       DECIMAL(38,6),
    value             DECIMAL(38,6),
    note              VARCHAR,
    computed_at       TIMESTAMP NOT NULL
);
