-- Cash matching: every decision with its rule, score and inputs (audit trail), and the exception queue of
-- receipts left for a person, with their candidates and a priority by amount and age.
CREATE TABLE cash_match_decisions (
    run_id            BIGINT NOT NULL,
    receipt_id        VARCHAR NOT NULL,
    decision          VARCHAR NOT NULL,       -- auto_applied | exception
    rule              VARCHAR NOT NULL,       -- exact_reference | fuzzy_reference | bare_number | amount_and_customer | subset_sum | none
    score             DECIMAL(5,4) NOT NULL,
    documents         VARCHAR,                -- the documents applied or proposed, comma-separated
    applied_amount    DECIMAL(18,2),
    deduction_amount  DECIMAL(18,2),          -- short payment left as a deduction
    inputs            VARCHAR NOT NULL,       -- what the rule saw: remittance, receipt amount, open amounts
    decided_at        TIMESTAMP NOT NULL
);

CREATE TABLE cash_match_exceptions (
    run_id            BIGINT NOT NULL,
    receipt_id        VARCHAR NOT NULL,
    value_date        DATE NOT NULL,
    amount            DECIMAL(18,2) NOT NULL,
    currency_code     VARCHAR NOT NULL,
    best_score        DECIMAL(5,4) NOT NULL,
    candidates        VARCHAR NOT NULL,       -- document:score pairs, best first
    priority          INTEGER NOT NULL        -- 1 = work first: large and old
);
