-- Collection strategies and pilots (issue 23), loaded like any canonical file: a strategy per customer score band
-- (channel and cadence), and pilots that try a new strategy on a random share of the customers of some bands from
-- a start date, the rest of them being the control group.
CREATE TABLE collection_strategies (
    strategy_id          VARCHAR NOT NULL,
    score_band           VARCHAR,          -- the band it is the standing strategy of; empty: tried in a pilot only
    channel              VARCHAR NOT NULL, -- email | letter | call | portal
    first_contact_days   INTEGER NOT NULL, -- days from the due date to the first contact (negative: before it)
    cadence_days         INTEGER NOT NULL, -- days between contacts while unpaid
    call_after_days      INTEGER,          -- days past due a collector calls; empty: no call
    description          VARCHAR,
    source_file          VARCHAR NOT NULL,
    source_line          BIGINT NOT NULL,
    load_id              BIGINT NOT NULL
);
CREATE TABLE kept_out.collection_strategies AS SELECT * FROM collection_strategies;

CREATE TABLE pilots (
    pilot_id             VARCHAR NOT NULL,
    strategy_id          VARCHAR NOT NULL,
    start_date           DATE NOT NULL,
    pilot_share          DECIMAL(18,8) NOT NULL, -- share of each band's customers given the strategy
    seed                 INTEGER NOT NULL,       -- fixes the random assignment
    score_bands          VARCHAR,                -- bands taking part, e.g. C;D;E; empty: every band
    pre_months           INTEGER NOT NULL,       -- months before the start compared with
    post_months          INTEGER NOT NULL,       -- months from the start measured
    description          VARCHAR,
    source_file          VARCHAR NOT NULL,
    source_line          BIGINT NOT NULL,
    load_id              BIGINT NOT NULL
);
CREATE TABLE kept_out.pilots AS SELECT * FROM pilots;

-- Who is in each pilot and who is its control, drawn once, at the first refresh with scores at the month end before
-- the start, and never drawn again: a result is only as good as the assignment it was measured on. The design it was
-- drawn with is kept beside it, so a changed pilot definition can be told from the one that was run.
CREATE TABLE pilot_assignments (
    pilot_id             VARCHAR NOT NULL,
    customer_id          VARCHAR NOT NULL,
    score_band           VARCHAR NOT NULL,  -- the customer's band at the month end before the start: the stratum
    arm                  VARCHAR NOT NULL,  -- pilot | control
    PRIMARY KEY (pilot_id, customer_id)
);
CREATE TABLE pilot_designs (
    pilot_id             VARCHAR PRIMARY KEY,
    strategy_id          VARCHAR NOT NULL,
    start_date           DATE NOT NULL,
    pilot_share          DECIMAL(18,8) NOT NULL,
    seed                 INTEGER NOT NULL,
    score_bands          VARCHAR,
    assigned_at          TIMESTAMP NOT NULL,
    customers            BIGINT NOT NULL,
    pilot_customers      BIGINT NOT NULL
);
INSERT INTO rebuild_pending VALUES ('collection_strategies', NULL), ('pilots', NULL);
