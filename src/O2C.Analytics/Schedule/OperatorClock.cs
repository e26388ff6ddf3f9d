using System.Globalization;

namespace O2C.Analytics.Schedule;

/// <summary>
/// The one time zone an operator reads: schedules are planned in it and every time shown (log lines, next due, run
/// history) is in it with its offset, so "06:00 -05:00" cannot be mistaken. Stored times stay UTC.
/// </summary>
public sealed class OperatorClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The configured zone (an IANA or Windows id, e.g. Europe/Berlin), or the machine's when none is set.</summary>
    public static OperatorClock From(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return new OperatorClock(TimeZoneInfo.Local);
        try
        {
            return new OperatorClock(TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"TimeZone '{id}' is not a time zone this machine knows (an IANA id such as Europe/Berlin or America/New_York)");
        }
    }

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone);

    /// <summary>"2026-12-01 06:00:00 -05:00".</summary>
    public string Format(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A stored time, which is UTC whatever its Kind says.</summary>
    public string FormatStored(DateTime utc) => Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
