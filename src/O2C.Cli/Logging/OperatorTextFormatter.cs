using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using O2C.Analytics.Schedule;

namespace O2C.Cli.Logging;

public sealed class OperatorTextFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>The operator's zone: every time on a log line is in it, with its offset (OperatorClock).</summary>
    public OperatorClock Clock { get; set; } = new(TimeZoneInfo.Local);
}

/// <summary>
/// One line per entry for a person at a terminal: "2026-12-01 06:00:03 -05:00 info  [run 42] job load started (schedule)".
/// The job run's id (job_runs.run_id) comes from the scope the scheduler opens, so a run's lines can be found in `o2c runs`.
/// </summary>
public sealed class OperatorTextFormatter(IOptionsMonitor<OperatorTextFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "o2c-text";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(Line(options.CurrentValue.Clock.Format(DateTimeOffset.UtcNow), logEntry.LogLevel, RunOf(scopeProvider), message));
        if (logEntry.Exception is not null) textWriter.WriteLine(logEntry.Exception.ToString());
    }

    public static string Line(string time, LogLevel level, long? runId, string message) =>
        $"{time} {Level(level),-5} {(runId is { } id ? $"[run {id}] " : "")}{message}{Environment.NewLine}";

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "crit",
    };

    /// <summary>The innermost job run id among the open scopes, if any.</summary>
    private static long? RunOf(IExternalScopeProvider? scopes)
    {
        long? run = null;
        scopes?.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, value) in pairs)
                    if (key == JobLogScope.RunIdKey && value is long id) run = id;
        }, (object?)null);
        return run;
    }
}
