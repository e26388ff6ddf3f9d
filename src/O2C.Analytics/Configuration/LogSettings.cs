namespace O2C.Analytics.Configuration;

/// <summary>
/// How o2c writes its log (docs/operations.md): to standard error as text on a terminal and as JSON lines otherwise
/// (a service manager, a container, a pipe), at <see cref="Level"/> and above; optionally also to a file rolled daily.
/// </summary>
public sealed class LogSettings
{
    /// <summary>auto (text on a terminal, JSON lines otherwise), text or json.</summary>
    public string Format { get; set; } = "auto";

    /// <summary>The lowest level written: Trace, Debug, Information, Warning, Error or Critical.</summary>
    public string Level { get; set; } = "Information";

    /// <summary>A file the log is also written to as JSON lines, one file per day (o2c-20261201.log); empty = none.</summary>
    public string? File { get; set; }

    /// <summary>Daily files kept; older ones are deleted.</summary>
    public int RetainedFiles { get; set; } = 14;

    public static readonly IReadOnlyList<string> Formats = ["auto", "text", "json"];

    /// <summary>The settings made sense of, or an error naming the key.</summary>
    public void Validate()
    {
        if (!Formats.Contains(Format.Trim().ToLowerInvariant()))
            throw new ArgumentException($"Logging:Format '{Format}' is not one of {string.Join(", ", Formats)}");
        if (!Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(Level.Trim(), ignoreCase: true, out var level) || level == Microsoft.Extensions.Logging.LogLevel.None)
            throw new ArgumentException($"Logging:Level '{Level}' is not one of Trace, Debug, Information, Warning, Error, Critical");
        if (RetainedFiles < 1) throw new ArgumentException($"Logging:RetainedFiles must be at least 1 (was {RetainedFiles})");
    }

    public Microsoft.Extensions.Logging.LogLevel MinimumLevel =>
        Enum.Parse<Microsoft.Extensions.Logging.LogLevel>(Level.Trim(), ignoreCase: true);
}
