namespace O2C.Analytics.Tests.Support;

/// <summary>A fact that reads ../shared (real public data); it skips, saying why, in a clone without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (RepoPaths.Shared is null)
            Skip = "../shared (public bank files and data sets) is not beside this clone; CI always has it.";
    }
}
