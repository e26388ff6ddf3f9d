namespace O2C.Analytics.Storage;

/// <summary>A DuckDB failure the operator can act on, in one line.</summary>
public static class WarehouseFailure
{
    public static bool IsDiskFull(Exception e) =>
        e.Message.Contains("No space left on device", StringComparison.Ordinal)
        || e.InnerException is { } inner && IsDiskFull(inner);

    public static string Describe(Exception e)
    {
        if (IsDiskFull(e))
            return "the disk holding the warehouse is full (No space left on device): nothing was committed and the warehouse keeps its last committed state; free space and run the command again";
        var first = e.Message.Split('\n')[0].Trim();
        return $"the warehouse could not complete the command ({first}); nothing was committed";
    }
}
