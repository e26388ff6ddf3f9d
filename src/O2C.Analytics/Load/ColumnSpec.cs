namespace O2C.Analytics.Load;

/// <summary>One column of a canonical CSV layout.</summary>
/// <param name="References">The entity whose key this column must name (checked after insert).</param>
public sealed record ColumnSpec(
    string Name,
    ColumnKind Kind,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    string? References = null,
    string Description = "")
{
    public string SqlType => Kind switch
    {
        ColumnKind.Date => "DATE",
        ColumnKind.Money => "DECIMAL(18,3)",
        ColumnKind.Rate => "DECIMAL(18,8)",
        ColumnKind.Integer => "INTEGER",
        ColumnKind.Flag => "BOOLEAN",
        _ => "VARCHAR",
    };
}
