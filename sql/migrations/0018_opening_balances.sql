-- Opening balances: the open items a company brings when it starts using the product (an aged open-items report
-- from its old system, as of the cut-over date). Each such document carries the date it was open on; its amount is
-- what was open then. The reporting months start the day after the latest opening balance date, so the first
-- months are real months (aged buckets filled, nothing ramping up from zero) and the opening items are not sales.
ALTER TABLE documents ADD COLUMN opening_balance_date DATE;
ALTER TABLE raw.documents ADD COLUMN opening_balance_date DATE;
