-- Promise-to-pay kept rate: promises paid in full by the promised date + 2 days of grace / promises due,
-- x 100. Paid in full: cash applied to the promised document from the promise date to the grace date covers
-- the promised amount, or the document was settled by then. Maturity: promises whose grace ended in the month.
with promises as (select *, promised_pay_date + 2 as grace_date from stg_promises_to_pay),
paid as (
    select p.promise_id, coalesce(sum(a.amount), 0) as paid
    from promises p
    left join stg_applications a on a.document_id = p.document_id
         and a.application_date >= p.promise_date and a.application_date <= p.grace_date
    group by p.promise_id
)
select last_day(p.grace_date) as period_end, p.customer_id,
       case when x.paid >= p.promised_amount or s.settled_date <= p.grace_date then 1 else 0 end as numerator,
       1 as denominator
from promises p
join paid x using (promise_id)
left join int_document_settlement s on s.document_id = p.document_id
