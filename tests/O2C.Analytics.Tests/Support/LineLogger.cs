using Microsoft.Extensions.Logging;

namespace O2C.Analytics.Tests.Support;

/// <summary>A logger that hands each formatted message to a test (the scheduler's log lines, asserted on).</summary>
public sealed class LineLogger(Action<string> line) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        line(formatter(state, exception));

    public static readonly LineLogger None = new(_ => { });
}
