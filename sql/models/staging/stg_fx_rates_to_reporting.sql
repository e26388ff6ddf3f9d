-- grain: currency_code, rate_date
-- materialized: table
-- Rates into the reporting currency (o2c_settings.reporting_currency). The reporting currency itself
-- converts at 1 from the beginning of time. A date without a published rate uses the latest earlier rate
-- (ASOF joins downstream).
with settings as (
    select setting_value as reporting_currency from o2c_settings where setting_key = 'reporting_currency'
),

published as (
    select f.from_currency as currency_code, f.rate_date, f.rate
    from fx_rates f, settings s
    where f.to_currency = s.reporting_currency
),

inverted as (
    -- a rate published the other way round (reporting -> currency) is used inverted when no direct one exists
    select f.to_currency as currency_code, f.rate_date, round(1 / f.rate, 8)::decimal(18,8) as rate
    from fx_rates f, settings s
    where f.from_currency = s.reporting_currency
      and not exists (
          select 1 from published p where p.currency_code = f.to_currency and p.rate_date = f.rate_date)
),

identity as (
    select reporting_currency as currency_code, date '1900-01-01' as rate_date, 1::decimal(18,8) as rate from settings
)

select * from published
union all select * from inverted
union all select * from identity
