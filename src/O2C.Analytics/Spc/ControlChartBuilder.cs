using O2C.Analytics.Metrics;

namespace O2C.Analytics.Spc;

/// <summary>
/// Builds a KPI's control chart from its monthly values: a p-chart for count-based rates (per-point limits from
/// each month's denominator), an XmR chart otherwise; limits from the baseline; every run rule evaluated, each
/// signal with its direction and whether that direction is bad for the KPI.
/// </summary>
public static class ControlChartBuilder
{
    public static ControlChart? Build(KpiDefinition kpi, string dimension, string member, IReadOnlyList<KpiValue> values, SpcOptions options, decimal? target = null)
    {
        var series = values.Where(v => v.Value is not null && (options.BaselineStart is null || v.PeriodEnd >= options.BaselineStart))
            .OrderBy(v => v.PeriodEnd).ToList();
        var seasonal = options.IsSeasonal(kpi.Id) && series.Count >= options.SeasonalBaselineMonths;
        var baselineCount = Math.Min(seasonal ? options.SeasonalBaselineMonths : options.BaselineMonths, series.Count);
        if (baselineCount < 3) return null;

        List<SpcPoint> points;
        ControlChartKind kind;
        if (kpi.CountBased && series.All(v => v.Denominator is > 0))
        {
            kind = ControlChartKind.P;
            var scale = kpi.Scale;
            var pBar = ControlLimits.PBar(series.Take(baselineCount).Select(v => (v.Numerator!.Value, v.Denominator!.Value)).ToList());
            points = series.Select(v =>
            {
                var (sigma, lower, upper) = ControlLimits.P(pBar, v.Denominator!.Value);
                return new SpcPoint(v.PeriodEnd, v.Numerator!.Value / v.Denominator!.Value * scale, pBar * scale, sigma * scale, lower * scale, upper * scale, v.Denominator);
            }).ToList();
        }
        else
        {
            kind = ControlChartKind.XmR;
            var raw = series.Select(v => (Month: v.PeriodEnd, Value: v.Value!.Value)).ToList();
            if (seasonal)
            {
                var indices = SeasonalAdjustment.Indices(raw.Take(baselineCount).ToList());
                raw = raw.Select(p => (p.Month, SeasonalAdjustment.Adjust(p.Value, p.Month, indices))).ToList();
            }
            var limits = ControlLimits.XmR(raw.Take(baselineCount).Select(p => p.Value).ToList(),
                seasonal ? SeasonalAdjustment.SpreadFactor(baselineCount) : 1m);
            points = raw.Select(p => new SpcPoint(p.Month, p.Value, limits.Centre, limits.Sigma, limits.Lower, limits.Upper, null)).ToList();
        }

        var signals = RunRules.Evaluate(points)
            .Select(s => new SpcSignal(points[s.Index].Month, s.Rule, s.Side > 0 ? "up" : "down",
                IsBad: kpi.Direction == KpiDirection.LowerIsBetter ? s.Side > 0 : s.Side < 0))
            .ToList();
        return new ControlChart(kpi, dimension, member, kind, seasonal, baselineCount, points, signals, target);
    }
}
