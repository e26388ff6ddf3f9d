-- Resolution SLA per dispute category, in business days (holiday calendar). Dispute SLA compliance counts
-- disputes resolved within their category's SLA. Defaults from common O2C/BPO contracts; edit with SQL or a
-- later configuration.
CREATE TABLE dispute_category_sla (
    category          VARCHAR NOT NULL,
    sla_business_days INTEGER NOT NULL
);
INSERT INTO dispute_category_sla VALUES
    ('pricing', 10), ('quantity', 10), ('damaged', 15), ('delivery', 15),
    ('duplicate_billing', 5), ('tax', 20), ('promotion', 15), ('other', 15);
