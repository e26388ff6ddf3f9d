namespace O2C.Analytics.Metrics;

/// <summary>
/// Source data a KPI cannot do without: <paramref name="Check"/> is a SQL condition true when the data is there;
/// otherwise every month of the KPI is "not available" with <paramref name="Missing"/> as the reason.
/// </summary>
public sealed record KpiRequirement(string Check, string Missing)
{
    public static KpiRequirement Rows(string table) =>
        new($"EXISTS (SELECT 1 FROM {table})", $"no {table.Replace('_', ' ')} loaded");
}
