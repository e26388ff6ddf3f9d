using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace O2C.Analytics.Pipeline;

/// <summary>
/// A reporting month, written "yyyy-MM" everywhere a person or a file name sees it (after NodaTime's YearMonth). It
/// closes on its last calendar day (<see cref="End"/>), the date every month-end figure is as of and the value of the
/// one SQL parameter that names a month, <c>$month_end</c>.
/// </summary>
public readonly record struct ReportingMonth : IComparable<ReportingMonth>
{
    public ReportingMonth(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "a year from 1 to 9999");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "a month from 1 to 12");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly Start => new(Year, Month, 1);
    public DateOnly End => Start.AddMonths(1).AddDays(-1);

    /// <summary>The SQL parameter of a month-end query: ("month_end", End).</summary>
    public (string Name, object? Value) SqlParameter => ("month_end", End);

    public ReportingMonth Plus(int months)
    {
        var shifted = Start.AddMonths(months);
        return new ReportingMonth(shifted.Year, shifted.Month);
    }

    /// <summary>The month a date falls in.</summary>
    public static ReportingMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static ReportingMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month written yyyy-MM, e.g. 2026-10");

    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number is < 1 or > 12)
            return false;
        month = new ReportingMonth(year, number);
        return true;
    }

    public int CompareTo(ReportingMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(ReportingMonth a, ReportingMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportingMonth a, ReportingMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportingMonth a, ReportingMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportingMonth a, ReportingMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
