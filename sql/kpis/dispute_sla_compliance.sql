-- Dispute SLA compliance: disputes resolved within their category's SLA (business days, dispute_category_sla)
-- / disputes resolved in the month, x 100; also by dispute category.
select last_day(p.resolved_date) as period_end, p.customer_id, p.category,
       case when resolved.business_day_number - opened.business_day_number <= s.sla_business_days then 1 else 0 end as numerator,
       1 as denominator
from stg_disputes p
join dispute_category_sla s using (category)
join int_business_calendar opened on opened.calendar_date = p.opened_date
join int_business_calendar resolved on resolved.calendar_date = p.resolved_date
where p.dispute_kind = 'dispute' and p.resolved_date is not null
