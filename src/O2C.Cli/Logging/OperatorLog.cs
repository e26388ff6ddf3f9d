using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using O2C.Analytics.Configuration;
using Serilog;
using Serilog.Formatting.Compact;

namespace O2C.Cli.Logging;

/// <summary>
/// The process's log (settings: <see cref="LogSettings"/>). Everything goes to standard error, so standard output keeps
/// only a command's results: text lines in the operator's time zone on a terminal, JSON lines (UTC timestamps) for a
/// service manager, a container or a pipe; with Logging:File also JSON lines in a file rolled daily.
/// </summary>
internal static class OperatorLog
{
    private static ILoggerFactory? _factory;

    /// <summary>Built on first use from the settings (a command has loaded and validated them by then).</summary>
    public static ILoggerFactory Factory => _factory ??= Create(TrySettings() ?? new O2cSettings(), Console.IsErrorRedirected);

    public static Microsoft.Extensions.Logging.ILogger For(string category) => Factory.CreateLogger(category);

    /// <summary>Writes out what is queued (the console logger writes on a background thread).</summary>
    public static void Flush()
    {
        _factory?.Dispose();
        _factory = null;
    }

    public static ILoggerFactory Create(O2cSettings settings, bool errorRedirected)
    {
        var log = settings.Logging;
        var json = log.Format.Trim().ToLowerInvariant() switch
        {
            "json" => true,
            "text" => false,
            _ => errorRedirected,
        };
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(log.MinimumLevel);
            builder.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
            builder.AddConsoleFormatter<OperatorTextFormatter, OperatorTextFormatterOptions>(o => o.Clock = settings.Clock);
            // After AddJsonConsole, which names its own formatter: the choice made here wins.
            builder.AddConsole(o =>
            {
                o.FormatterName = json ? ConsoleFormatterNames.Json : OperatorTextFormatter.FormatterName;
                o.LogToStandardErrorThreshold = LogLevel.Trace;
            });
            if (!string.IsNullOrWhiteSpace(log.File))
            {
                var file = new LoggerConfiguration()
                    .MinimumLevel.Verbose()
                    .Enrich.FromLogContext()
                    .WriteTo.File(new RenderedCompactJsonFormatter(), Path.GetFullPath(log.File), rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: log.RetainedFiles, shared: true)
                    .CreateLogger();
                builder.AddProvider(new Serilog.Extensions.Logging.SerilogLoggerProvider(file, dispose: true));
            }
        });
    }

    private static O2cSettings? TrySettings()
    {
        try { return O2cSettings.Load(); }
        catch (ArgumentException) { return null; }
    }
}
