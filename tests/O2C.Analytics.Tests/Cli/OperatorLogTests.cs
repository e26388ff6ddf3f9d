using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using O2C.Analytics.Configuration;
using O2C.Analytics.Schedule;
using O2C.Cli.Logging;

namespace O2C.Analytics.Tests.Cli;

/// <summary>The text log a person reads at a terminal: the operator's time zone with its offset, the level, the job run's id.</summary>
public sealed class OperatorLogTests
{
    private static string Write(OperatorClock clock, LogLevel level, string message, long? runId)
    {
        var formatter = new OperatorTextFormatter(new FixedOptions(new OperatorTextFormatterOptions { Clock = clock }));
        var scopes = new LoggerExternalScopeProvider();
        using var scope = runId is { } id ? scopes.Push(new JobLogScope(id, "load")) : null;
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<string>(level, "o2c.schedule", default, message, null, (s, _) => s), scopes, writer);
        return writer.ToString().TrimEnd();
    }

    [Fact]
    public void A_job_line_shows_the_operator_zone_offset_the_level_and_the_run_id()
    {
        var line = Write(OperatorClock.From("America/New_York"), LogLevel.Warning, "job load abandoned at shutdown", 42);
        // New York is 5 hours behind UTC in winter and 4 in summer: the offset is printed, whatever today is.
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d -0[45]:00 warn  \[run 42\] job load abandoned at shutdown$", line);
    }

    [Fact]
    public void A_line_outside_a_job_has_no_run_id()
    {
        var line = Write(OperatorClock.From("UTC"), LogLevel.Information, "scheduler started", null);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+00:00 info  scheduler started$", line);
    }

    [Theory]
    [InlineData("Format", "xml", "Logging:Format 'xml' is not one of auto, text, json")]
    [InlineData("Level", "Verbose", "Logging:Level 'Verbose' is not one of Trace, Debug, Information, Warning, Error, Critical")]
    public void A_log_setting_that_means_nothing_is_refused_with_its_key(string key, string value, string message)
    {
        var settings = new LogSettings();
        typeof(LogSettings).GetProperty(key)!.SetValue(settings, value);
        Assert.Equal(message, Assert.Throws<ArgumentException>(settings.Validate).Message);
    }

    private sealed class FixedOptions(OperatorTextFormatterOptions value) : IOptionsMonitor<OperatorTextFormatterOptions>
    {
        public OperatorTextFormatterOptions CurrentValue => value;
        public OperatorTextFormatterOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<OperatorTextFormatterOptions, string?> listener) => null;
    }
}
