-- Settings the models read (reporting currency, ...). Written by `o2c refresh` from configuration,
-- kept in the warehouse so analysts see which settings produced the figures.
CREATE TABLE o2c_settings (
    setting_key       VARCHAR NOT NULL,
    setting_value     VARCHAR NOT NULL
);
INSERT INTO o2c_settings VALUES ('reporting_currency', 'USD');
