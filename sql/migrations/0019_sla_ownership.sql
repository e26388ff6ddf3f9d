-- SLA ownership that holds up in a governance meeting: each measured item records which party's team handled it,
-- and an SLA the BPO owns counts only the items the BPO handled (in-house items of the same SLA are reported beside
-- it for comparison, never in its compliance or credits). The teams' parties and the credit terms come from
-- configuration ("SlaContract"), written here by the SLA run so the review reads what produced it.
CREATE TABLE sla_teams (
    team                    VARCHAR NOT NULL,
    party                   VARCHAR NOT NULL,   -- bpo | client
    PRIMARY KEY (team)
);

CREATE TABLE sla_contract (
    credit_cap_per_quarter  DECIMAL(18,2),      -- null: no cap
    earn_back               BOOLEAN NOT NULL
);

-- Actions agreed on breach causes (SlaContract.Actions), carried from quarter to quarter until done.
CREATE TABLE sla_actions (
    action_id               VARCHAR NOT NULL,
    sla_id                  VARCHAR NOT NULL,
    cause                   VARCHAR NOT NULL,
    action                  VARCHAR NOT NULL,
    action_owner            VARCHAR NOT NULL,
    raised_quarter          VARCHAR NOT NULL,   -- 2026Q2
    due_date                DATE NOT NULL,
    status                  VARCHAR NOT NULL,   -- open | done | dropped
    closed_date             DATE,
    PRIMARY KEY (action_id)
);

ALTER TABLE sla_measurements ADD COLUMN handled_by VARCHAR;  -- bpo | client | unassigned (no team: an unidentified payer)
ALTER TABLE sla_measurements ADD COLUMN measured BOOLEAN;    -- counts in the SLA's compliance and credits
ALTER TABLE sla_measurements ADD COLUMN amount_rc DECIMAL(18,2); -- the money the item concerns, reporting currency at the quarter-end rate
