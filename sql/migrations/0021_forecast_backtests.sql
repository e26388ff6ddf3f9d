-- The forward view, stored so it can be judged: every 13-week cash forecast as made (the next month shows it
-- against what came in), every backtest with its figures per cut-off beside the customer-median baseline, and
-- open invoices a model cannot honestly date kept with the reason instead of a date.

ALTER TABLE payment_predictions ALTER COLUMN expected_pay_date DROP NOT NULL;
ALTER TABLE payment_predictions ALTER COLUMN predicted_days_to_pay DROP NOT NULL;
ALTER TABLE payment_predictions ADD COLUMN no_prediction_reason VARCHAR;  -- set: no date given, and why

CREATE TABLE cash_forecasts (
    as_of             DATE NOT NULL,          -- made on this morning from facts dated before it
    made_at           TIMESTAMP NOT NULL,
    open_ar_rc        DECIMAL(18,2) NOT NULL, -- open AR on the morning
    open_items        INTEGER NOT NULL,
    expected_weeks_14_26_rc DECIMAL(18,2) NOT NULL,
    allowance_rc      DECIMAL(18,2) NOT NULL, -- open AR not expected as cash within 26 weeks
    billing_13w_rc    DECIMAL(18,2) NOT NULL, -- billing expected in the 13 weeks (invoices not yet issued)
    PRIMARY KEY (as_of)
);

CREATE TABLE cash_forecast_weeks (
    as_of             DATE NOT NULL,
    week              INTEGER NOT NULL,       -- 1..13; week 1 starts on as_of
    week_start        DATE NOT NULL,
    open_ar_rc        DECIMAL(18,2) NOT NULL, -- cash expected from the open AR
    new_billings_rc   DECIMAL(18,2) NOT NULL, -- cash expected from invoices not yet issued
    expected_rc       DECIMAL(18,2) NOT NULL,
    low_rc            DECIMAL(18,2) NOT NULL, -- P10
    high_rc           DECIMAL(18,2) NOT NULL, -- P90
    PRIMARY KEY (as_of, week)
);

CREATE TABLE backtest_runs (
    backtest_id       BIGINT NOT NULL PRIMARY KEY,
    run_at            TIMESTAMP NOT NULL,
    seed              INTEGER NOT NULL,
    hyper_parameters  VARCHAR NOT NULL,
    rules             VARCHAR NOT NULL,       -- the no-prediction rules in force
    split_date        DATE,                   -- the time split: trained on outcomes known before it
    split_train_rows  INTEGER,
    split_test_rows   INTEGER,
    split_mae         DOUBLE,
    split_baseline_mae DOUBLE,
    split_late_auc    DOUBLE,
    split_baseline_late_auc DOUBLE,
    split_brier       DOUBLE,
    split_baseline_brier DOUBLE
);

CREATE TABLE backtest_cut_offs (
    backtest_id       BIGINT NOT NULL,
    cut_off           DATE NOT NULL,          -- a month end: trained on what was known that evening
    train_rows        INTEGER NOT NULL,
    open_items        INTEGER NOT NULL,       -- invoices open that evening
    no_prediction_items INTEGER NOT NULL,     -- ... given no date by the rules
    unpaid_items      INTEGER NOT NULL,       -- ... dated, but not paid by cash by the end of the data (not scored)
    scored_items      INTEGER NOT NULL,
    mae_days          DOUBLE,                 -- open-invoice pay date error, model
    baseline_mae_days DOUBLE,                 -- ... customer median days to pay, never before the cut-off
    late_items        INTEGER NOT NULL,       -- not yet due that evening, scored for paying late
    late_auc          DOUBLE,
    baseline_late_auc DOUBLE,                 -- the customer's share of late payments so far
    late_brier        DOUBLE,
    baseline_late_brier DOUBLE,
    cash_wape_4w      DOUBLE,                 -- cash from the open AR, roll rates
    baseline_cash_wape_4w DOUBLE,             -- ... each item on its customer-median date
    cash_wape_13w     DOUBLE,
    baseline_cash_wape_13w DOUBLE,
    cash_bias_4w      DOUBLE,                 -- (forecast - actual) / actual
    total_cash_wape_4w DOUBLE,                -- all cash: open AR and invoices not yet issued
    total_cash_wape_13w DOUBLE,
    PRIMARY KEY (backtest_id, cut_off)
);

-- Each open item of a stored forecast: the cell it was forecast from and where its open amount is expected to go.
CREATE TABLE cash_forecast_items (
    as_of             DATE NOT NULL,
    document_id       VARCHAR NOT NULL,
    customer_id       VARCHAR NOT NULL,
    days_past_due     INTEGER NOT NULL,       -- the evening before as_of; negative: not yet due
    disputed          BOOLEAN NOT NULL,
    customer_habit    VARCHAR NOT NULL,       -- median days late so far: new | on time | 1-10 late | 11-30 late | over 30 late
    open_rc           DECIMAL(18,2) NOT NULL,
    expected_13w_rc   DECIMAL(18,2) NOT NULL,
    expected_14_26_rc DECIMAL(18,2) NOT NULL,
    allowance_rc      DECIMAL(18,2) NOT NULL, -- not expected as cash within 26 weeks: the item's expected loss
    PRIMARY KEY (as_of, document_id)
);
