-- ISO 4217 currencies: the set a loaded amount's currency must belong to.
-- minor_units says how many decimals the currency uses (JPY 0, KWD 3).
CREATE TABLE currencies (
    currency_code VARCHAR PRIMARY KEY,
    currency_name VARCHAR NOT NULL,
    minor_units   INTEGER NOT NULL
);

INSERT INTO currencies VALUES
    ('AED','UAE Dirham',2), ('ARS','Argentine Peso',2), ('AUD','Australian Dollar',2),
    ('BGN','Bulgarian Lev',2), ('BHD','Bahraini Dinar',3), ('BRL','Brazilian Real',2),
    ('CAD','Canadian Dollar',2), ('CHF','Swiss Franc',2), ('CLP','Chilean Peso',0),
    ('CNY','Yuan Renminbi',2), ('COP','Colombian Peso',2), ('CZK','Czech Koruna',2),
    ('DKK','Danish Krone',2), ('EGP','Egyptian Pound',2), ('EUR','Euro',2),
    ('GBP','Pound Sterling',2), ('HKD','Hong Kong Dollar',2), ('HUF','Forint',2),
    ('IDR','Rupiah',2), ('ILS','New Israeli Sheqel',2), ('INR','Indian Rupee',2),
    ('ISK','Iceland Krona',0), ('JPY','Yen',0), ('KES','Kenyan Shilling',2),
    ('KRW','Won',0), ('KWD','Kuwaiti Dinar',3), ('MAD','Moroccan Dirham',2),
    ('MXN','Mexican Peso',2), ('MYR','Malaysian Ringgit',2), ('NGN','Naira',2),
    ('NOK','Norwegian Krone',2), ('NZD','New Zealand Dollar',2), ('OMR','Rial Omani',3),
    ('PEN','Sol',2), ('PHP','Philippine Peso',2), ('PKR','Pakistan Rupee',2),
    ('PLN','Zloty',2), ('QAR','Qatari Rial',2), ('RON','Romanian Leu',2),
    ('RSD','Serbian Dinar',2), ('RUB','Russian Ruble',2), ('SAR','Saudi Riyal',2),
    ('SEK','Swedish Krona',2), ('SGD','Singapore Dollar',2), ('THB','Baht',2),
    ('TRY','Turkish Lira',2), ('TWD','New Taiwan Dollar',2), ('UAH','Hryvnia',2),
    ('USD','US Dollar',2), ('VND','Dong',0), ('ZAR','Rand',2);
