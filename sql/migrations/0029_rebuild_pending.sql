-- Rows of canonical tables written by something other than a load (cash matching's applications, deductions and
-- payers; a retention purge's deletions), which the next load must judge against the other rows although no file
-- of theirs changed. A load's rebuild judges only the rows its change can reach (CanonicalRebuild); these are
-- added to them, and the rows of the entities it rebuilt are then deleted here. key_value NULL: the whole entity.
CREATE TABLE rebuild_pending (
    entity      VARCHAR NOT NULL,
    key_value   VARCHAR
);
