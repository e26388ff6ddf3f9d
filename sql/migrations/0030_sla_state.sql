-- What the SLA measurements were last made through: the last fact change (fact_changes), the data's horizon then, and
-- what they were made from (the SLA definitions and contract, the SQL, the program). An item is judged as of its
-- quarter's end and sees nothing after it, so a later run measures again only the quarters a change since can reach:
-- those ending on or after its earliest fact date, and those closed since (after the horizon then); every quarter when
-- what they are made from differs or a change has no date to bound it (customers, holidays, a purge).
CREATE TABLE sla_state (
    measured_through_change BIGINT NOT NULL,
    horizon                 DATE NOT NULL,
    built_from              VARCHAR NOT NULL
);
