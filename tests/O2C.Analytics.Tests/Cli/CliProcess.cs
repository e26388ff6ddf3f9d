using System.Diagnostics;

namespace O2C.Analytics.Tests.Cli;

/// <summary>Runs the built o2c program (copied beside the tests) as a separate process.</summary>
public static class CliProcess
{
    public static (int ExitCode, string Output, string Error) Run(string workingFolder, params string[] args) =>
        Run(workingFolder, new Dictionary<string, string>(), args);

    public static (int ExitCode, string Output, string Error) Run(string workingFolder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(workingFolder, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>
    /// Standard error without the log: every log line there is a JSON object (not a terminal) with its level, which
    /// this checks; what is left is what the command says to the user (the one "error:" line).
    /// </summary>
    public static IReadOnlyList<string> UserLines(string error)
    {
        var lines = error.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var log in lines.Where(l => l.StartsWith('{')))
            Assert.True(System.Text.Json.JsonDocument.Parse(log).RootElement.TryGetProperty("LogLevel", out _), log);
        return lines.Where(l => !l.StartsWith('{')).ToList();
    }

    /// <summary>How every test starts o2c: the built program, plain output (no colour codes), both streams captured.</summary>
    public static ProcessStartInfo StartInfo(string workingFolder, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "o2c.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        return start;
    }
}
