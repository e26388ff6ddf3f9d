namespace O2C.Analytics.Pipeline;

/// <summary>Which month a pack reports on.</summary>
public static class ReportingPeriod
{
    /// <summary>
    /// The latest closed month: the month before today's, but never later than the last month the warehouse
    /// has data for (a sample from the past reports its own last month).
    /// </summary>
    public static DateOnly LatestClosedMonthEnd(Warehouse.Warehouse warehouse, DateOnly today)
    {
        var lastDataMonth = warehouse.Scalar<DateOnly?>("SELECT max(month_end) FROM int_month_ends")
            ?? throw new InvalidOperationException("The warehouse holds no data yet: run o2c load first.");
        var beforeToday = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return lastDataMonth < beforeToday ? lastDataMonth : beforeToday;
    }

    public static DateOnly MonthEnd(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    public static string Label(DateOnly monthEnd) => monthEnd.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
