using O2C.Analytics.Pipeline;

namespace O2C.Analytics.Tests.Pipeline;

public sealed class ReportingMonthTests
{
    [Theory]
    [InlineData("2026-02", 2026, 2, "2026-02-01", "2026-02-28")]
    [InlineData("2024-02", 2024, 2, "2024-02-01", "2024-02-29")] // leap year
    [InlineData("2026-12", 2026, 12, "2026-12-01", "2026-12-31")]
    public void Parses_yyyy_MM_and_closes_on_the_last_calendar_day(string text, int year, int month, string start, string end)
    {
        var parsed = ReportingMonth.Parse(text);
        Assert.Equal((year, month), (parsed.Year, parsed.Month));
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (parsed.Start, parsed.End));
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(("month_end", (object?)DateOnly.Parse(end)), parsed.SqlParameter);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-10")]
    [InlineData(" 2026-10")]
    [InlineData("2026/10")]
    [InlineData("2026-10-31")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_but_yyyy_MM(string? text)
    {
        Assert.False(ReportingMonth.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => ReportingMonth.Parse(text));
    }

    [Fact]
    public void Adds_months_across_years_and_orders()
    {
        var october = new ReportingMonth(2026, 10);
        Assert.Equal(new ReportingMonth(2027, 1), october.Plus(3));
        Assert.Equal(new ReportingMonth(2025, 12), october.Plus(-10));
        Assert.True(october.Plus(-1) < october && october <= new ReportingMonth(2026, 10) && october.Plus(1) > october && october >= october.Plus(-1));
        Assert.Equal(october, ReportingMonth.Of(new DateOnly(2026, 10, 17)));
        Assert.Equal(["2025-12", "2026-01", "2026-10"],
            new[] { october, new ReportingMonth(2026, 1), new ReportingMonth(2025, 12) }.Order().Select(m => m.ToString()));
    }
}
