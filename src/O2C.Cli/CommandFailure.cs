using O2C.Analytics;
using O2C.Analytics.Analyst;

namespace O2C.Cli;

/// <summary>
/// Why a command failed, as one line and a documented exit code (<see cref="ExitCodes"/>): what the user can fix,
/// what to retry, and what is a defect of ours.
/// </summary>
internal static class CommandFailure
{
    public static (int Code, string Message) Describe(Exception e) => e switch
    {
        AnalystSqlException sql => (sql.ExitCode, sql.Message),
        // o2c.json that does not parse: the file and the parser's words, not the configuration library's wrapper.
        InvalidDataException { InnerException: not null } config when config.Message.StartsWith("Failed to load configuration", StringComparison.Ordinal) =>
            (ExitCodes.Usage, $"{config.Message.TrimEnd('.')}: {Innermost(config).Message}"),
        O2C.Analytics.Mail.MailNotSentException mail => (ExitCodes.NotSent, $"mail not sent: {mail.Message}"),
        DuckDB.NET.Data.DuckDBException duck => (ExitCodes.Failed, O2C.Analytics.Storage.WarehouseFailure.Describe(duck)),
        // DuckDB's native library throws this when handed no statement at all (a comment-only query).
        System.Runtime.InteropServices.SEHException => (ExitCodes.Failed, "DuckDB could not run the statement (a query of only comments or blanks does this)"),
        ArgumentException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException
            or System.Text.Json.JsonException or KeyNotFoundException => (ExitCodes.Usage, e.Message),
        _ => (ExitCodes.Internal, $"internal error ({e.GetType().Name}): {e.Message}; O2C_DEBUG=1 shows the trace, please report it"),
    };

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
