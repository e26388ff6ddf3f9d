using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Pipeline;

namespace O2C.Cli.Commands;

/// <summary>--month yyyy-MM, parsed to the month's last day.</summary>
public static class MonthOption
{
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--month") { Description = description };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                result.AddError($"--month must be yyyy-MM, e.g. 2026-10 (got '{text}')");
        });
        return option;
    }

    public static DateOnly? Parse(string? text)
    {
        if (text is null) return null;
        var first = DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ReportingPeriod.MonthEnd(first.Year, first.Month);
    }
}
