-- A stored cash forecast keeps what its figures rest on: how many weeks its history spoke for (14: weeks 14-26
-- too, so the rest of the open AR is the allowance; fewer: the rest is "later", not lost) and how many open items
-- were left out for want of an FX rate. Read back, the pack labels the forecast as it was made.
ALTER TABLE cash_forecasts ADD COLUMN history_weeks INTEGER;
ALTER TABLE cash_forecasts ADD COLUMN unconvertible_items INTEGER;
