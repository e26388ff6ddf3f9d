using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Forecast;

/// <summary>
/// The forecast's customer habit (sql/forecast/open_ar_collections.sql, computed in one ordered pass per customer)
/// equals its direct definition on every open item of the sample's forecast: the median days late of the customer's
/// invoices settled by cash on or before the evening before the forecast date.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class CustomerHabitTests(SamplePackFixture run)
{
    [Fact]
    public void Each_items_customer_habit_is_the_median_of_what_it_had_paid_by_the_evening()
    {
        using var warehouse = run.OpenWarehouse();
        var (items, differ) = warehouse.Query("""
            with forecast as (select * from cash_forecast_items where as_of = (select max(as_of) from cash_forecast_items)),
            direct as (
                select f.document_id,
                       case
                           when m.median_days_late is null then 'new'
                           when m.median_days_late <= 0 then 'on time'
                           when m.median_days_late <= 10 then '1-10 late'
                           when m.median_days_late <= 30 then '11-30 late'
                           else 'over 30 late'
                       end as habit
                from forecast f
                left join lateral (
                    select median(s.settled_date - s.due_date) as median_days_late
                    from int_document_settlement s
                    where s.customer_id = f.customer_id and s.settled_by_cash and s.settled_date <= f.as_of - 1
                ) m on true
            )
            select count(*), count(*) filter (where f.customer_habit is distinct from d.habit)
            from forecast f join direct d using (document_id)
            """, r => (r.GetInt64(0), r.GetInt64(1))).Single();
        Assert.True(items > 1000, $"{items} items");
        Assert.Equal(0, differ);
    }
}
