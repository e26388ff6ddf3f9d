-- Early-payment discount terms (issue 24): "2 % 10 days, net 30" is cash_discount_pct 2, cash_discount_days 10 beside
-- payment_terms_days 30. Cash matching takes a discount within them and closes the invoice (a write-off, reason
-- cash_discount); one taken late or beyond them is an unearned-discount deduction.
ALTER TABLE customers ADD COLUMN cash_discount_pct DECIMAL(9,4);
ALTER TABLE customers ADD COLUMN cash_discount_days INTEGER;
ALTER TABLE kept_out.customers ADD COLUMN cash_discount_pct DECIMAL(9,4);
ALTER TABLE kept_out.customers ADD COLUMN cash_discount_days INTEGER;
