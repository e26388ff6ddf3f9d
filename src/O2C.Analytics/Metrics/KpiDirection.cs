namespace O2C.Analytics.Metrics;

/// <summary>Which way is good for a KPI.</summary>
public enum KpiDirection
{
    LowerIsBetter,
    HigherIsBetter,
}
