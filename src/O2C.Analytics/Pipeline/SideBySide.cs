using System.Runtime.ExceptionServices;

namespace O2C.Analytics.Pipeline;

/// <summary>
/// Two pieces of work run at once, both finished before it returns; a failure is rethrown as itself (the first
/// one's, if both fail), not wrapped, so the operator reads the same one-line error as when they ran in turn.
/// </summary>
public static class SideBySide
{
    public static void Run(Action first, Action second)
    {
        var other = Task.Run(second);
        Exception? failed = null;
        try { first(); }
        catch (Exception e) { failed = e; }
        try { other.GetAwaiter().GetResult(); }
        catch (Exception e) { failed ??= e; }
        if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
    }
}
