-- Payer identification for cash matching (issue 24): the accounts and names a customer pays from or under, and the
-- payer's name and account as each bank receipt's statement shows them.
CREATE TABLE customer_payers (
    customer_id          VARCHAR NOT NULL,
    identifier_type      VARCHAR NOT NULL, -- account | name
    identifier           VARCHAR NOT NULL, -- as written in the file; matching normalises it
    source_file          VARCHAR NOT NULL,
    source_line          BIGINT NOT NULL,
    load_id              BIGINT NOT NULL
);
CREATE TABLE kept_out.customer_payers AS SELECT * FROM customer_payers;
ALTER TABLE receipts ADD COLUMN payer_name VARCHAR;
ALTER TABLE receipts ADD COLUMN payer_account VARCHAR;
ALTER TABLE kept_out.receipts ADD COLUMN payer_name VARCHAR;
ALTER TABLE kept_out.receipts ADD COLUMN payer_account VARCHAR;
INSERT INTO rebuild_pending VALUES ('customer_payers', NULL);
