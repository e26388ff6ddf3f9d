-- A setting has one value: o2c_settings keyed by setting_key. The models read it by a cross join (the reporting
-- currency in stg_fx_rates_to_reporting), so a second row doubled every published rate; the benchmark wrote one
-- beside the row migration 0005 seeds. A warehouse holding a key twice keeps one value (the greatest: any is a guess,
-- and the next refresh writes the configured one).
CREATE TABLE o2c_settings_keyed (
    setting_key       VARCHAR PRIMARY KEY,
    setting_value     VARCHAR NOT NULL
);
INSERT INTO o2c_settings_keyed SELECT setting_key, max(setting_value) FROM o2c_settings GROUP BY setting_key;
DROP TABLE o2c_settings;
ALTER TABLE o2c_settings_keyed RENAME TO o2c_settings;
