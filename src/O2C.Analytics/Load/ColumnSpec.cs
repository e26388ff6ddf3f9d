namespace O2C.Analytics.Load;

/// <summary>One column of a canonical CSV layout.</summary>
/// <param name="References">The entity whose key this column must name (checked after insert).</param>
public sealed record ColumnSpec(
    string Name,
    FieldType Kind,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    string? References = null,
    string Description = "")
{
    public string SqlType => Kind switch
    {
        FieldType.Date => "DATE",
        FieldType.Money => "DECIMAL(18,3)",
        FieldType.Rate => "DECIMAL(18,8)",
        FieldType.Integer => "INTEGER",
        FieldType.Flag => "BOOLEAN",
        _ => "VARCHAR",
    };
}
