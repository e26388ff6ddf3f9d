-- grain: document_id
-- Every invoice with the features known on its invoice date (int_invoice_features_at_issue) and, apart, the outcome
-- a model learns from: the settlement date, days to pay and days late when cash settled it. Outcomes are never
-- features (PaymentFeatures.Guard).
select
    f.*,
    case when s.settled_by_cash then s.settled_date end as settled_date,
    case when s.settled_by_cash then s.settled_date - s.document_date end as days_to_pay,
    case when s.settled_by_cash then greatest(0, s.settled_date - s.due_date) end as days_late
from int_invoice_features_at_issue f
join int_document_settlement s using (document_id)
