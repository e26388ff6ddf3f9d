using Microsoft.Extensions.Logging;
using O2C.Cli.Logging;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>A progress bar or spinner on an interactive terminal; log lines otherwise (CI, pipes, a service manager).</summary>
public static class Progress
{
    public static void Run(string label, Action<Action<double, double>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var log = OperatorLog.For("o2c");
            log.LogInformation("{Step}...", label);
            work((_, _) => { });
            log.LogInformation("{Step} done", label);
            return;
        }
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(label);
            work((done, total) => { task.MaxValue = Math.Max(1, total); task.Value = done; });
            task.Value = task.MaxValue;
        });
    }

    /// <summary>A spinner with a changing status line, for steps without a known total.</summary>
    public static T Status<T>(string label, Func<Action<string>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var log = OperatorLog.For("o2c");
            return work(message => log.LogInformation("{Step}: {Status}", label, message));
        }
        return AnsiConsole.Status().Start(label, ctx => work(message => ctx.Status($"{label}: {message}")));
    }
}
