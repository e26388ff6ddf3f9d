-- The canonical Order-to-Cash model. Every table loaded from files carries
-- source_file / source_line / load_id so each row traces back to the line it came from.
-- Keys are enforced by the loader (duplicate keys are rejected with their line), not by
-- DuckDB indexes: an index makes bulk loads slow and forbids replacing a file's rows in one transaction.
-- Amounts are DECIMAL(18,2) in the document's own currency; dates are DATE.
-- Grain, keys and meaning of every table: docs/data-model.md.

CREATE TABLE customers (
    customer_id          VARCHAR NOT NULL,
    customer_name        VARCHAR NOT NULL,
    segment              VARCHAR NOT NULL,
    region               VARCHAR NOT NULL,
    country_code         VARCHAR NOT NULL,
    currency_code        VARCHAR NOT NULL,
    payment_terms_days   INTEGER NOT NULL,
    credit_limit         DECIMAL(18,2),
    risk_class           VARCHAR NOT NULL,
    collector            VARCHAR,
    bpo_team             VARCHAR,
    e_invoicing          BOOLEAN NOT NULL,
    source_file          VARCHAR NOT NULL,
    source_line          BIGINT NOT NULL,
    load_id              BIGINT NOT NULL
);

-- Invoices, credit memos and debit memos: every AR billing document.
-- amount is always positive; document_type gives its sign in AR (credit memos reduce it).
CREATE TABLE documents (
    document_id           VARCHAR NOT NULL,
    document_type         VARCHAR NOT NULL,   -- invoice | credit_memo | debit_memo
    customer_id           VARCHAR NOT NULL,
    order_date            DATE,
    ship_date             DATE,
    document_date         DATE NOT NULL,      -- invoice (posting) date
    sent_date             DATE,               -- delivered to the customer
    due_date              DATE,               -- required for invoices and debit memos
    amount                DECIMAL(18,2) NOT NULL,
    currency_code         VARCHAR NOT NULL,
    corrects_document_id  VARCHAR,            -- the invoice a memo corrects
    dispute_id            VARCHAR,            -- the dispute a memo settles, when there is one
    delivery_channel      VARCHAR,            -- paper | email | e_invoice | portal
    source_file           VARCHAR NOT NULL,
    source_line           BIGINT NOT NULL,
    load_id               BIGINT NOT NULL
);

-- Money received (bank statement lines, lockbox items).
CREATE TABLE receipts (
    receipt_id        VARCHAR NOT NULL,
    customer_id       VARCHAR,                -- null while the payer is unidentified
    value_date        DATE NOT NULL,          -- date the bank credited the money
    posted_date       DATE NOT NULL,          -- date cash application posted it
    amount            DECIMAL(18,2) NOT NULL,
    currency_code     VARCHAR NOT NULL,
    payment_method    VARCHAR NOT NULL,       -- wire | ach | check | card | sepa
    bank_reference    VARCHAR,
    remittance_text   VARCHAR,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

-- Cash applied from a receipt to a document, in the receipt's (= document's) currency.
CREATE TABLE applications (
    application_id    VARCHAR NOT NULL,
    receipt_id        VARCHAR NOT NULL,
    document_id       VARCHAR NOT NULL,
    application_date  DATE NOT NULL,          -- accounting date of the application
    amount            DECIMAL(18,2) NOT NULL,
    match_method      VARCHAR NOT NULL,       -- auto | manual
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

-- Disputes raised by customers and deductions (short payments) they took.
CREATE TABLE disputes (
    dispute_id        VARCHAR NOT NULL,
    dispute_kind      VARCHAR NOT NULL,       -- dispute | deduction
    document_id       VARCHAR NOT NULL,
    customer_id       VARCHAR NOT NULL,
    category          VARCHAR NOT NULL,       -- pricing | quantity | damaged | delivery | duplicate_billing | tax | promotion
    amount            DECIMAL(18,2) NOT NULL,
    currency_code     VARCHAR NOT NULL,
    opened_date       DATE NOT NULL,
    assigned_date     DATE,
    resolved_date     DATE,
    outcome           VARCHAR,                -- valid | invalid, once resolved
    recovered_amount  DECIMAL(18,2),          -- collected back on an invalid deduction
    owner             VARCHAR NOT NULL,       -- client | bpo
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

CREATE TABLE promises_to_pay (
    promise_id        VARCHAR NOT NULL,
    customer_id       VARCHAR NOT NULL,
    document_id       VARCHAR,
    promise_date      DATE NOT NULL,          -- when the promise was made
    promised_pay_date DATE NOT NULL,
    promised_amount   DECIMAL(18,2) NOT NULL,
    currency_code     VARCHAR NOT NULL,
    collector         VARCHAR,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

CREATE TABLE collection_activities (
    activity_id       VARCHAR NOT NULL,
    customer_id       VARCHAR NOT NULL,
    document_id       VARCHAR,
    activity_date     DATE NOT NULL,
    activity_type     VARCHAR NOT NULL,       -- dunning_letter | email | call
    outcome           VARCHAR,                -- no_answer | promise | dispute | paid | left_message | sent
    collector         VARCHAR,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

CREATE TABLE write_offs (
    write_off_id      VARCHAR NOT NULL,
    document_id       VARCHAR NOT NULL,
    write_off_date    DATE NOT NULL,
    amount            DECIMAL(18,2) NOT NULL,
    reason            VARCHAR,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

-- One unit of from_currency is worth rate units of to_currency on rate_date.
CREATE TABLE fx_rates (
    rate_date         DATE NOT NULL,
    from_currency     VARCHAR NOT NULL,
    to_currency       VARCHAR NOT NULL,
    rate              DECIMAL(18,8) NOT NULL,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

-- Holidays of the business-day calendar; a business day is Monday to Friday and not listed here.
CREATE TABLE holidays (
    holiday_date      DATE NOT NULL,
    holiday_name      VARCHAR NOT NULL,
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);

-- Targets the scorecard measures each KPI against, from a month on.
CREATE TABLE kpi_targets (
    kpi_id            VARCHAR NOT NULL,
    effective_from    DATE NOT NULL,
    target_value      DECIMAL(18,4) NOT NULL,
    tolerance         DECIMAL(18,4),          -- amber band around the target, in the KPI's unit
    source_file       VARCHAR NOT NULL,
    source_line       BIGINT NOT NULL,
    load_id           BIGINT NOT NULL
);
