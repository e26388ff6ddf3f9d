using System.Globalization;
using Quartz;

namespace O2C.Analytics.Schedule;

/// <summary>
/// When a job is due: a cron expression, or the Nth business day after each month or quarter end at a time of day
/// (business days: Monday to Friday less the holiday calendar). A job with neither only runs when chained or at start.
/// </summary>
public sealed class JobRule
{
    private readonly CronExpression? _cron;
    private readonly int? _businessDay;
    private readonly int _monthsPerPeriod;
    private readonly TimeOnly _at;
    private readonly IReadOnlySet<DateOnly> _holidays;
    private readonly TimeZoneInfo _zone;

    private JobRule(CronExpression? cron, int? businessDay, int monthsPerPeriod, TimeOnly at, IReadOnlySet<DateOnly> holidays, TimeZoneInfo zone)
    {
        (_cron, _businessDay, _monthsPerPeriod, _at, _holidays, _zone) = (cron, businessDay, monthsPerPeriod, at, holidays, zone);
    }

    public static JobRule From(ScheduledJobSettings job, IReadOnlySet<DateOnly> holidays, TimeZoneInfo zone)
    {
        var at = TimeOnly.ParseExact(job.At, "HH:mm", CultureInfo.InvariantCulture);
        if (job.Cron is { Length: > 0 } cron)
        {
            if (!CronExpression.TryParse(cron, out var expression)) throw new ArgumentException($"job {job.Name}: '{cron}' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week)");
            return new JobRule(expression.WithTimeZone(zone), null, 0, at, holidays, zone);
        }
        if (job.BusinessDayOfMonth is { } m) return new JobRule(null, Positive(m, job.Name), 1, at, holidays, zone);
        if (job.BusinessDayOfQuarter is { } q) return new JobRule(null, Positive(q, job.Name), 3, at, holidays, zone);
        return new JobRule(null, null, 0, at, holidays, zone);
    }

    public bool IsScheduled => _cron is not null || _businessDay is not null;

    /// <summary>The first time the job is due after <paramref name="after"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        if (_cron is not null) return _cron.GetNextValidTimeAfter(after);
        if (_businessDay is null) return null;
        var local = TimeZoneInfo.ConvertTime(after, _zone);
        var periodStart = new DateOnly(local.Year, (local.Month - 1) / _monthsPerPeriod * _monthsPerPeriod + 1, 1);
        for (var i = 0; i < 3; i++)
        {
            var due = At(NthBusinessDayFrom(periodStart.AddMonths(i * _monthsPerPeriod), _businessDay.Value));
            if (due > after) return due;
        }
        return null;
    }

    /// <summary>The last time the job was due at or before <paramref name="now"/> (within the last 400 days).</summary>
    public DateTimeOffset? LastAtOrBefore(DateTimeOffset now)
    {
        if (!IsScheduled) return null;
        if (_cron is not null)
            return _cron.IsSatisfiedBy(now) ? now : _cron.GetPreviousValidTimeBefore(now) ?? Scan(now);
        return Scan(now);
    }

    private DateTimeOffset? Scan(DateTimeOffset now)
    {
        DateTimeOffset? last = null;
        var t = now.AddDays(-400);
        while (NextAfter(t) is { } next && next <= now) last = t = next;
        return last;
    }

    /// <summary>The Nth business day on or after the first day of a period (the 1st business day after the period before ended).</summary>
    public DateOnly NthBusinessDayFrom(DateOnly periodStart, int n)
    {
        var day = periodStart;
        var count = 0;
        while (true)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day) && ++count == n) return day;
            day = day.AddDays(1);
        }
    }

    private DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(_at);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static int Positive(int n, string job) => n >= 1 ? n : throw new ArgumentException($"job {job}: the business day must be 1 or more");
}
