namespace O2C.Analytics.Metrics;

public enum Rag { Green, Amber, Red, NotRated }

/// <summary>
/// The scorecard's traffic light, direction-aware with a tolerance band: for a KPI where lower is better, at or below
/// target is green, above target but within the tolerance is amber, beyond it red (mirrored where higher is
/// better). No target or no value: not rated.
/// </summary>
public static class RagStatus
{
    public static Rag Of(KpiDirection direction, decimal? actual, decimal? target, decimal? tolerance)
    {
        if (actual is not { } a || target is not { } t) return Rag.NotRated;
        var band = tolerance ?? 0m;
        var shortfall = direction == KpiDirection.LowerIsBetter ? a - t : t - a;
        return shortfall <= 0 ? Rag.Green : shortfall <= band ? Rag.Amber : Rag.Red;
    }
}
