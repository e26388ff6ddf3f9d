-- A warehouse from before migration 0029 may hold rows cash matching wrote that no load has judged since (until then
-- every load judged every row of the tables it rebuilt): the next load that rebuilds each table judges all its rows
-- once. On a new warehouse the first load judges every row anyway.
INSERT INTO rebuild_pending VALUES
    ('customers', NULL), ('documents', NULL), ('receipts', NULL), ('applications', NULL), ('disputes', NULL),
    ('promises_to_pay', NULL), ('collection_activities', NULL), ('write_offs', NULL), ('service_events', NULL),
    ('fx_rates', NULL), ('holidays', NULL), ('kpi_targets', NULL);
