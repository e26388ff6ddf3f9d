-- Table macro customer_dimension_members(): each customer's member in every customer reporting dimension, named as in kpi_values (dimension region, segment, currency, risk_class, collector, bpo_team; a customer without one is 'Unassigned'), plus dimension 'company' with member 'All'. The one place a dimension's name meets its column: pack scopes, o2c aging --by and o2c explain join it. Example: select * from customer_dimension_members() where dimension = 'bpo_team'.
create or replace macro customer_dimension_members() as table
select customer_id, dimension, coalesce(member, 'Unassigned') as member
from (
    select customer_id, 'All' as company, region, segment, currency_code as currency, risk_class, collector, bpo_team
    from stg_customers
) unpivot include nulls (member for dimension in (company, region, segment, currency, risk_class, collector, bpo_team))
