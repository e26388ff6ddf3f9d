using Spectre.Console;

namespace O2C.Cli;

/// <summary>
/// Why a command failed, on standard error: `o2c sql --format csv > out.csv` must never write an error into the
/// data, and a script reading standard output gets only results. Never wrapped, so an error stays one line.
/// </summary>
internal static class ErrorOutput
{
    private static readonly IAnsiConsole Error = Create();

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Interactive) console.Profile.Width = 100_000;
        return console;
    }

    /// <summary>One red line, "error: " and the message, so every failure reads alike and is easy to grep.</summary>
    public static void Line(string message) => Error.MarkupLineInterpolated($"[red]error: {message}[/]");

    /// <summary>Something the operator should act on though the command succeeded.</summary>
    public static void Warning(string message) => Error.MarkupLineInterpolated($"[yellow]warning: {message}[/]");
}
