-- The promises whose outcome can differ once facts dated on or after $from changed: a promise is judged on the cash
-- applied and the settlement up to its grace date (a settlement dated before $from does not move), so only promises
-- whose grace date is on or after $from (now or before) can.
select promise_id from int_promise_outcomes where grace_date >= $from
union all
select promise_id from stg_promises_to_pay where promised_pay_date + 2 >= $from
