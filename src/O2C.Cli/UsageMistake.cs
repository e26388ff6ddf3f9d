using System.CommandLine;
using O2C.Analytics.Configuration;

namespace O2C.Cli;

/// <summary>
/// A command line the parser could not make sense of (a mistyped option, a missing argument, a value outside its
/// choices) as one "error:" line with the closest option and where the help is, and exit 2: not a page of help text.
/// </summary>
internal static class UsageMistake
{
    public static string? Describe(ParseResult parsed)
    {
        if (parsed.Errors.Count == 0) return null;
        var command = parsed.CommandResult.Command;
        var options = command.Options.Concat(parsed.RootCommandResult.Command.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToList();
        var commands = command.Subcommands.Select(c => c.Name).ToList();
        // A command is suggested for the first stray word only (the rest are its arguments); a third of a word's
        // letters may be wrong, so "data" is not taken for "match".
        var hints = parsed.UnmatchedTokens
            .Where((t, i) => t.StartsWith('-') || i == 0)
            .Select(t => (Token: t, Closest: ClosestName.Find(t, t.StartsWith('-') ? options : commands, maxEdits: Math.Clamp(t.TrimStart('-').Length / 3, 1, 3))))
            .Where(t => t.Closest is not null)
            .Select(t => $"did you mean {t.Closest} for {t.Token}?");
        var path = string.Join(' ', Path(parsed.CommandResult));
        // One line: the parser's messages can list choices over several.
        var errors = parsed.Errors.Select(e => string.Join(' ', e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.'));
        return $"{string.Join("; ", errors.Concat(hints))} (see {path} --help)";
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult result) =>
        result.Parent is System.CommandLine.Parsing.CommandResult parent ? Path(parent).Append(result.Command.Name) : ["o2c"];
}
