using O2C.Analytics.Schedule;

namespace O2C.Analytics.Tests.Schedule;

/// <summary>One clock for the operator: times shown in the configured zone with their offset (issue 21's "three clocks").</summary>
public sealed class OperatorClockTests
{
    /// <summary>A job due at 06:00 in New York is 11:00 UTC in December (UTC-5) and 10:00 UTC in July (UTC-4); shown as 06:00 with the offset either way.</summary>
    [Fact]
    public void A_time_is_shown_in_the_configured_zone_with_its_offset()
    {
        var clock = OperatorClock.From("America/New_York");
        Assert.Equal("2026-12-01 06:00:00 -05:00", clock.Format(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-07-01 06:00:00 -04:00", clock.FormatStored(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("2026-12-01 12:00:00 +01:00", OperatorClock.From("Europe/Berlin").Format(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void An_unknown_zone_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => OperatorClock.From("Mars/Olympus"));
        Assert.StartsWith("TimeZone 'Mars/Olympus' is not a time zone this machine knows", error.Message);
        Assert.Equal(TimeZoneInfo.Local, OperatorClock.From(null).Zone);
    }
}
