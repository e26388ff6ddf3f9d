using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>A progress bar on an interactive terminal; plain status lines otherwise (CI, pipes).</summary>
public static class Progress
{
    public static void Run(string label, Action<Action<double, double>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.WriteLine($"{label}...");
            work((_, _) => { });
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
            return work(message => AnsiConsole.WriteLine($"  {message}"));
        return AnsiConsole.Status().Start(label, ctx => work(message => ctx.Status($"{label}: {message}")));
    }
}
