namespace O2C.Analytics.Metrics;

/// <summary>One KPI for one month and dimension member, with the parts it was computed from.</summary>
public sealed record KpiValue(
    string KpiId,
    DateOnly PeriodEnd,
    string Dimension,
    string Member,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value,
    string? Note);
