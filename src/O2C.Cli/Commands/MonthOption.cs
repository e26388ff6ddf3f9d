using System.CommandLine;
using O2C.Analytics.Pipeline;

namespace O2C.Cli.Commands;

/// <summary>A month option (--month yyyy-MM), checked when the command line is read.</summary>
public static class MonthOption
{
    public static Option<string?> Create(string description, string name = "--month")
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !ReportingMonth.TryParse(text, out _))
                result.AddError($"{name} must be yyyy-MM, e.g. 2026-10 (got '{text}')");
        });
        return option;
    }

    public static ReportingMonth? Parse(string? text) => text is null ? null : ReportingMonth.Parse(text);
}
