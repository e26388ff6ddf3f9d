-- Analyst workbook, Pilots sheet: every collection strategy, the bands' standing ones first (A to E), then those
-- only pilots try.
select strategy_id, score_band, channel, first_contact_days, cadence_days, call_after_days, description
from collection_strategies
order by score_band nulls last, strategy_id
