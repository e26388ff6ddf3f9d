-- Every bank statement an extract loaded, by what it is rather than what its file was called: the same statement
-- delivered again under another file name, or through a renamed source, is skipped instead of counting its cash twice.
CREATE TABLE bank_statements (
    statement_key    VARCHAR NOT NULL,   -- format|account|statement id|as-of date|opening|closing|entries|net amount
    file_name        VARCHAR NOT NULL,   -- the canonical receipts file it was staged into (the load ledger's name)
    source_file      VARCHAR NOT NULL,   -- the statement file as delivered
    format           VARCHAR NOT NULL,
    account          VARCHAR NOT NULL,
    statement_id     VARCHAR,
    as_of_date       DATE NOT NULL,
    opening_balance  DECIMAL(18,3),
    closing_balance  DECIMAL(18,3),
    entries          INTEGER NOT NULL,
    credits_staged   INTEGER NOT NULL,
    load_id          BIGINT NOT NULL
);
