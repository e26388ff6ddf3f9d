-- Amounts keep their currency's minor units end to end (ISO 4217: KWD, BHD, OMR 3; JPY 0): document-currency
-- amounts widen from 2 to 3 decimals. The loader rejects an amount with more decimals than its currency uses, so a
-- USD amount still has at most 2 and a JPY amount none. Reporting-currency figures (*_rc) keep 2.
ALTER TABLE customers ALTER credit_limit TYPE DECIMAL(18,3);
ALTER TABLE documents ALTER amount TYPE DECIMAL(18,3);
ALTER TABLE receipts ALTER amount TYPE DECIMAL(18,3);
ALTER TABLE applications ALTER amount TYPE DECIMAL(18,3);
ALTER TABLE disputes ALTER amount TYPE DECIMAL(18,3);
ALTER TABLE disputes ALTER recovered_amount TYPE DECIMAL(18,3);
ALTER TABLE promises_to_pay ALTER promised_amount TYPE DECIMAL(18,3);
ALTER TABLE write_offs ALTER amount TYPE DECIMAL(18,3);
ALTER TABLE cash_match_decisions ALTER applied_amount TYPE DECIMAL(18,3);
ALTER TABLE cash_match_decisions ALTER deduction_amount TYPE DECIMAL(18,3);
ALTER TABLE cash_match_exceptions ALTER amount TYPE DECIMAL(18,3);
