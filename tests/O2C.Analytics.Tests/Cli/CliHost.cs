using System.Collections.Concurrent;
using System.Diagnostics;

namespace O2C.Analytics.Tests.Cli;

/// <summary>A long-running o2c process (o2c schedule) whose output lines a test watches, stopped with SIGTERM.</summary>
public sealed class CliHost : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public CliHost(string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "o2c.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => _lines.ToList();

    public void WaitForLine(string contains, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!_lines.Any(l => l.Contains(contains, StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new TimeoutException($"no line with '{contains}'; output so far:\n{string.Join("\n", _lines)}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Sends SIGTERM, as a service manager stopping the host would, and waits for the exit.</summary>
    public int Terminate(int seconds = 60)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (!_process.WaitForExit(seconds * 1000)) throw new TimeoutException("the host did not stop after SIGTERM");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
