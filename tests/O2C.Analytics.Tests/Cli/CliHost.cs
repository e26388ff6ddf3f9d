using System.Collections.Concurrent;
using System.Diagnostics;

namespace O2C.Analytics.Tests.Cli;

/// <summary>An o2c process a test runs beside itself (o2c schedule, a load to kill), whose output lines it can watch; stopped with SIGTERM or SIGKILL.</summary>
public sealed class CliHost : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public CliHost(string workingFolder, params string[] args)
    {
        _process = Process.Start(CliProcess.StartInfo(workingFolder, args))!;
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

    /// <summary>Waits for the command to end by itself; its exit code.</summary>
    public int WaitForExit()
    {
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or an OOM killer would: no handler runs, nothing is cleaned up.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
