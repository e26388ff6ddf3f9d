-- The draw of pilot $pilot_id: the customers scored at the month end before its start date whose band takes part
-- (pilots.score_bands; empty = every band), each band on its own (stratified): ordered by the SHA-256 of
-- "seed:pilot:customer", a fixed seed giving the same order on any machine, the first round(share x band's
-- customers) are the pilot group, the rest the control group.
with pilot as (
    select pilot_id, seed, pilot_share, last_day(start_date - interval 1 month) as scored_at,
           case when score_bands is null then ['A', 'B', 'C', 'D', 'E'] else string_split(score_bands, ';') end as bands
    from pilots where pilot_id = $pilot_id
),
eligible as (
    select p.pilot_id, s.customer_id, s.score_band, p.pilot_share,
           row_number() over (partition by s.score_band order by sha256(p.seed::varchar || ':' || p.pilot_id || ':' || s.customer_id)) as draw,
           count(*) over (partition by s.score_band) as band_customers
    from pilot p
    join fct_customer_score_monthly s on s.month_end = p.scored_at and list_contains(p.bands, s.score_band)
)
select pilot_id, customer_id, score_band,
       case when draw <= round(pilot_share * band_customers) then 'pilot' else 'control' end as arm
from eligible
order by customer_id
