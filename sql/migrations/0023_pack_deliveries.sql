-- Every KPI pack that reached a mail server, per month, scope and recipient: a re-run or a misfired job does not
-- send the same month's pack to the same reader again unless asked (--resend). Only delivered mail counts; a
-- message written to the outbox was not delivered.
CREATE TABLE pack_deliveries (
    month_end   DATE NOT NULL,
    scope       VARCHAR NOT NULL,          -- company, or dimension=member
    recipient   VARCHAR NOT NULL,          -- the address, lower case
    sent_at     TIMESTAMP NOT NULL,        -- UTC
    via         VARCHAR NOT NULL,          -- host:port
    workbook    VARCHAR NOT NULL,          -- the file name attached
    PRIMARY KEY (month_end, scope, recipient)
);
