-- Payers learned from people's decisions (issue 24): a person applying a receipt an unknown payer sent teaches cash
-- matching that the payer's account and name are that customer's, so its next receipt matches by itself. Each alias
-- keeps the receipt and the decision that taught it (cash_match_decisions, decision 'manual_applied'), who decided
-- and when; the audit log has the same decision.
CREATE TABLE payer_aliases (
    identifier_type  VARCHAR NOT NULL,   -- account | name
    identifier       VARCHAR NOT NULL,   -- the normalised key: letters and digits of an account; a name's words
    customer_id      VARCHAR NOT NULL,
    receipt_id       VARCHAR NOT NULL,   -- the receipt whose application taught it
    run_id           BIGINT NOT NULL,    -- the decision (cash_match_decisions.run_id)
    decided_by       VARCHAR NOT NULL,
    learned_at       TIMESTAMP NOT NULL
);
