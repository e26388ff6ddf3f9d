-- Every training run of the payment models, with what it learned from and how well it did (audit trail for the
-- automated decisions that use it), and the predictions for open invoices, each naming the run that made it.
CREATE TABLE model_runs (
    run_id            BIGINT NOT NULL,
    trained_at        TIMESTAMP NOT NULL,
    seed              INTEGER NOT NULL,
    late_n_days       INTEGER NOT NULL,       -- the second classifier predicts "paid more than N days late"
    train_from        DATE NOT NULL,
    split_date        DATE NOT NULL,          -- trained on invoices before it, tested on invoices from it
    test_to           DATE NOT NULL,
    train_rows        INTEGER NOT NULL,
    test_rows         INTEGER NOT NULL,
    features          VARCHAR NOT NULL,
    hyper_parameters  VARCHAR NOT NULL,
    metrics           VARCHAR NOT NULL,       -- JSON: MAE, RMSE, AUC of the models
    baseline_metrics  VARCHAR NOT NULL,       -- JSON: the same for the customer-history baseline
    feature_importance VARCHAR NOT NULL,      -- JSON: gain per feature of the days-to-pay model
    model_folder      VARCHAR NOT NULL
);

CREATE TABLE payment_predictions (
    run_id            BIGINT NOT NULL,
    as_of             DATE NOT NULL,
    document_id       VARCHAR NOT NULL,
    customer_id       VARCHAR NOT NULL,
    open_amount_rc    DECIMAL(18,2) NOT NULL,
    expected_pay_date DATE NOT NULL,
    predicted_days_to_pay DECIMAL(10,2) NOT NULL,
    probability_late  DECIMAL(6,4) NOT NULL,
    probability_late_n DECIMAL(6,4) NOT NULL,  -- more than model_runs.late_n_days late
    value_at_risk     DECIMAL(18,2) NOT NULL,   -- open amount x probability late: the worklist's order
    reasons           VARCHAR NOT NULL
);
