namespace O2C.Analytics.Generate;

/// <summary>
/// Business days: Monday to Friday, less holidays. The generator uses US federal holidays (observed dates);
/// the warehouse uses whatever holidays file is loaded.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(IEnumerable<(DateOnly Date, string Name)> holidays)
    {
        Holidays = holidays.OrderBy(h => h.Date).ToList();
        _holidays = Holidays.Select(h => h.Date).ToHashSet();
    }

    public IReadOnlyList<(DateOnly Date, string Name)> Holidays { get; }

    public bool IsBusinessDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(d);

    /// <summary>The date itself if a business day, else the next business day.</summary>
    public DateOnly OnOrAfter(DateOnly d)
    {
        while (!IsBusinessDay(d)) d = d.AddDays(1);
        return d;
    }

    public DateOnly AddBusinessDays(DateOnly d, int days)
    {
        var step = Math.Sign(days);
        var left = Math.Abs(days);
        while (left > 0)
        {
            d = d.AddDays(step);
            if (IsBusinessDay(d)) left--;
        }
        return d;
    }

    public static BusinessCalendar UsFederal(int firstYear, int lastYear)
    {
        var list = new List<(DateOnly, string)>();
        for (var y = firstYear; y <= lastYear; y++)
        {
            list.Add((Observed(new DateOnly(y, 1, 1)), "New Year's Day"));
            list.Add((Nth(y, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day"));
            list.Add((Nth(y, 2, DayOfWeek.Monday, 3), "Presidents' Day"));
            list.Add((Last(y, 5, DayOfWeek.Monday), "Memorial Day"));
            list.Add((Observed(new DateOnly(y, 6, 19)), "Juneteenth"));
            list.Add((Observed(new DateOnly(y, 7, 4)), "Independence Day"));
            list.Add((Nth(y, 9, DayOfWeek.Monday, 1), "Labor Day"));
            list.Add((Nth(y, 10, DayOfWeek.Monday, 2), "Columbus Day"));
            list.Add((Observed(new DateOnly(y, 11, 11)), "Veterans Day"));
            list.Add((Nth(y, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"));
            list.Add((Observed(new DateOnly(y, 12, 25)), "Christmas Day"));
        }
        return new BusinessCalendar(list.Distinct());
    }

    private static DateOnly Observed(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day) d = d.AddDays(1);
        return d.AddDays(7 * (n - 1));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != day) d = d.AddDays(-1);
        return d;
    }
}
