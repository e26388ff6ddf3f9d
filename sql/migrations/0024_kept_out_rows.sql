-- The canonical tables keep their rows in place; what a file brought and the table does not hold is kept beside it.
-- Until now raw.<entity> held every row of every file in force and each load rebuilt the table from it: every row
-- written twice, and a day's load rewrote all history (issue 22). kept_out.<entity> holds only the rows of files in
-- force that passed the checks a row can pass alone but failed against the others (a duplicate key, an unknown
-- reference, a set rule). The table and its kept-out rows together are what raw held: the loader decides over both
-- at once and moves the few rows whose fate changed, so the tables and rejects stay a function of the files in force.
CREATE SCHEMA kept_out;
CREATE TABLE kept_out.customers AS SELECT * FROM raw.customers r WHERE NOT EXISTS (SELECT 1 FROM customers t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.documents AS SELECT * FROM raw.documents r WHERE NOT EXISTS (SELECT 1 FROM documents t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.receipts AS SELECT * FROM raw.receipts r WHERE NOT EXISTS (SELECT 1 FROM receipts t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.applications AS SELECT * FROM raw.applications r WHERE NOT EXISTS (SELECT 1 FROM applications t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.disputes AS SELECT * FROM raw.disputes r WHERE NOT EXISTS (SELECT 1 FROM disputes t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.promises_to_pay AS SELECT * FROM raw.promises_to_pay r WHERE NOT EXISTS (SELECT 1 FROM promises_to_pay t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.collection_activities AS SELECT * FROM raw.collection_activities r WHERE NOT EXISTS (SELECT 1 FROM collection_activities t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.write_offs AS SELECT * FROM raw.write_offs r WHERE NOT EXISTS (SELECT 1 FROM write_offs t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.fx_rates AS SELECT * FROM raw.fx_rates r WHERE NOT EXISTS (SELECT 1 FROM fx_rates t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.holidays AS SELECT * FROM raw.holidays r WHERE NOT EXISTS (SELECT 1 FROM holidays t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.kpi_targets AS SELECT * FROM raw.kpi_targets r WHERE NOT EXISTS (SELECT 1 FROM kpi_targets t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
CREATE TABLE kept_out.service_events AS SELECT * FROM raw.service_events r WHERE NOT EXISTS (SELECT 1 FROM service_events t WHERE t.source_file = r.source_file AND t.source_line = r.source_line);
DROP SCHEMA raw CASCADE;
