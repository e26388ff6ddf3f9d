using O2C.Analytics.Metrics;

namespace O2C.Analytics.Spc;

/// <summary>A KPI's control chart for one dimension member: its points, limits and signals.</summary>
public sealed record ControlChart(
    KpiDefinition Kpi,
    string Dimension,
    string Member,
    ControlChartKind Kind,
    bool SeasonallyAdjusted,
    int BaselinePoints,
    IReadOnlyList<SpcPoint> Points,
    IReadOnlyList<SpcSignal> Signals,
    decimal? Target);
