-- Service levels: the SLA definitions in force (written from configuration by `o2c sla` / `o2c run`), per-category
-- thresholds, and one measurement per SLA and item: whether the action was done within the threshold.
CREATE TABLE sla_definitions (
    sla_id                  VARCHAR NOT NULL,
    sla_name                VARCHAR NOT NULL,
    event                   VARCHAR NOT NULL,   -- what is measured: invoice_sent | cash_posted | dispute_resolution | deduction_assigned | ptp_followup | credit_memo_issued
    clock                   VARCHAR NOT NULL,   -- business (holiday calendar) | calendar
    threshold_days          INTEGER,            -- null when every category has its own
    target_rate             DECIMAL(6,4) NOT NULL, -- share of items to be within the threshold
    owner                   VARCHAR NOT NULL,   -- client | bpo | data (the item's own owner)
    credit_per_breach       DECIMAL(18,2),
    credit_per_missed_target DECIMAL(18,2),
    PRIMARY KEY (sla_id)
);

CREATE TABLE sla_category_thresholds (
    sla_id                  VARCHAR NOT NULL,
    category                VARCHAR NOT NULL,
    threshold_days          INTEGER NOT NULL,
    PRIMARY KEY (sla_id, category)
);

-- One row per SLA and measured item, in the quarter its deadline fell. As of that quarter's end: an item done
-- after the quarter end is still open then; an item open at the quarter end has passed its deadline (its
-- deadline fell in the quarter) and is an ageing breach, measured as if done on the next business day.
CREATE TABLE sla_measurements (
    sla_id                  VARCHAR NOT NULL,
    quarter                 VARCHAR NOT NULL,   -- 2026Q3
    quarter_end             DATE NOT NULL,
    item_id                 VARCHAR NOT NULL,
    customer_id             VARCHAR,
    category                VARCHAR,
    cause                   VARCHAR NOT NULL,   -- the driver the review groups breaches by (channel, match method, category, ...)
    owner                   VARCHAR NOT NULL,   -- client | bpo
    bpo_team                VARCHAR NOT NULL,
    collector               VARCHAR NOT NULL,
    start_date              DATE NOT NULL,
    deadline_date           DATE NOT NULL,
    end_date                DATE,               -- null: still open at the quarter end
    elapsed_days            INTEGER NOT NULL,   -- in the SLA's clock
    threshold_days          INTEGER NOT NULL,
    days_over               INTEGER NOT NULL,
    breach                  BOOLEAN NOT NULL,
    status                  VARCHAR NOT NULL    -- met | late | open past threshold
);
