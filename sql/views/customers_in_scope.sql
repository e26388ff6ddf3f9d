-- Table macro customers_in_scope(dimension, member): the customers a pack scoped to one member of a reporting dimension covers, named as in kpi_values (region, segment, currency, risk_class, collector, bpo_team; a customer without one is 'Unassigned'); dimension 'company' is every customer. Example: select * from customers_in_scope('region', 'EMEA').
create or replace macro customers_in_scope(scope_dimension, scope_member) as table
select m.customer_id from customer_dimension_members() m
where m.dimension = scope_dimension and (scope_dimension = 'company' or m.member = scope_member)
