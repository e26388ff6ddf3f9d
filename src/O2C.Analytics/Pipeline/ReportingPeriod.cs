using O2C.Analytics.Storage;
namespace O2C.Analytics.Pipeline;

/// <summary>Which month a pack reports on.</summary>
public static class ReportingPeriod
{
    /// <summary>
    /// The latest closed month: the month before today's, but never later than the last month the warehouse
    /// has data for (a sample from the past reports its own last month).
    /// </summary>
    public static ReportingMonth LatestClosedMonth(Warehouse warehouse, DateOnly today)
    {
        var lastDataMonth = ReportingMonth.Of(warehouse.Scalar<DateOnly?>("SELECT max(month_end) FROM int_month_ends")
            ?? throw new InvalidOperationException("The warehouse holds no data yet: run o2c load first."));
        var beforeToday = ReportingMonth.Of(today).Plus(-1);
        return lastDataMonth < beforeToday ? lastDataMonth : beforeToday;
    }
}
