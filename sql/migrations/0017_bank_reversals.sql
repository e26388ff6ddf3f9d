-- A bank's return or recall of a credit that came in an earlier statement (an ACH return days later, a recalled SEPA
-- transfer). The extract records it here with the staged file of the statement that carried it; the receipts rebuild
-- takes the receipt it reverses out (rejects: reversed_by_bank), so the money is not counted as received. Matched in
-- the rebuild, not at extract time, so a return that arrives before its credit's file still finds it.
CREATE TABLE bank_reversals (
    file_name       VARCHAR NOT NULL,   -- staged canonical file of the statement that carried the reversal
    source_file     VARCHAR NOT NULL,   -- the bank file as delivered
    line_number     BIGINT NOT NULL,    -- where the reversal starts in it
    reference       VARCHAR NOT NULL,   -- end-to-end id or bank reference it shares with the credit
    value_date      DATE NOT NULL,
    amount          DECIMAL(18,3) NOT NULL,   -- positive: the amount taken back
    currency_code   VARCHAR NOT NULL
);
