-- The payer cash matching identified for a receipt its file left without one. Kept as a decision of its own, not only
-- written into the receipts table: a receipts file sent again replaces its rows, and the loader fills the payer back
-- from here (where the file still names none), so a matched receipt never ends applied to a customer's invoice while
-- its own customer is empty.
CREATE TABLE receipt_payers (
    receipt_id    VARCHAR NOT NULL,
    customer_id   VARCHAR NOT NULL,
    run_id        BIGINT NOT NULL,   -- the cash-matching run (cash_match_decisions.run_id)
    identified_at TIMESTAMP NOT NULL
);
