-- Promise-to-pay kept rate: promises paid in full by the promised date + 2 days of grace / promises due,
-- x 100. Paid in full: cash applied to the promised document from the promise date to the grace date covers
-- the promised amount, or the document was settled by then (int_promise_outcomes). Maturity: promises whose
-- grace ended in the month.
select last_day(grace_date) as period_end, customer_id,
       case when kept then 1 else 0 end as numerator,
       1 as denominator
from int_promise_outcomes
