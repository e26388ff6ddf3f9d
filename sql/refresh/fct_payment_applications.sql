-- The applications whose row can differ once facts dated on or after $from changed: applications dated on or after
-- $from (now or before: added, changed, withdrawn; and those the rate of a day on or after $from converts), and the
-- applications of documents issued on or after $from (a changed document's dates are all on or after $from).
select application_id from fct_payment_applications where application_date >= $from or document_date >= $from
union all
select application_id from stg_applications where application_date >= $from
union all
select a.application_id from stg_applications a join stg_documents d using (document_id) where d.document_date >= $from
