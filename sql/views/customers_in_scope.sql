-- Table macro customers_in_scope(dimension, member): the customers a pack scoped to one member of a reporting dimension covers, named as in kpi_values (region, segment, currency, risk_class, collector, bpo_team; a customer without one is 'Unassigned'); dimension 'company' is every customer. Example: select * from customers_in_scope('region', 'EMEA').
create or replace macro customers_in_scope(dimension, member) as table
select customer_id from stg_customers
where dimension = 'company'
   or member = coalesce(case dimension when 'region' then region when 'segment' then segment when 'currency' then currency_code
                                      when 'risk_class' then risk_class when 'collector' then collector when 'bpo_team' then bpo_team end,
                        'Unassigned')
