using O2C.Analytics.Storage;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Spc;

/// <summary>
/// Reads the control charts the last refresh stored (spc_points, spc_signals) back into <see cref="ControlChart"/>s,
/// so that a report draws exactly the limits and signals that were computed, without recomputing them.
/// </summary>
public static class ControlChartReader
{
    public static IReadOnlyList<ControlChart> Read(Warehouse warehouse, DateOnly upTo,
        IReadOnlyDictionary<string, decimal>? targets = null, string dimension = ReportingDimension.Company)
    {
        var points = warehouse.Query("""
            SELECT kpi_id, member, period_end, chart, seasonally_adjusted, in_baseline, value, centre, sigma, lower_limit, upper_limit
            FROM spc_points WHERE dimension = $d AND period_end <= $month_end ORDER BY kpi_id, member, period_end
            """, r => (Kpi: r.GetString(0), Member: r.GetString(1), Kind: r.GetString(3), Seasonal: r.GetBoolean(4), Baseline: r.GetBoolean(5),
                Point: new SpcPoint(r.GetFieldValue<DateOnly>(2), r.GetDecimal(6), r.GetDecimal(7), r.GetDecimal(8), r.GetDecimal(9), r.GetDecimal(10), null)),
            ("d", dimension), ("month_end", upTo));
        var signals = warehouse.Query("""
            SELECT kpi_id, member, period_end, rule, direction, is_bad FROM spc_signals
            WHERE dimension = $d AND period_end <= $month_end ORDER BY kpi_id, member, period_end, rule
            """, r => (Kpi: r.GetString(0), Member: r.GetString(1), Signal: new SpcSignal(r.GetFieldValue<DateOnly>(2), r.GetString(3), r.GetString(4), r.GetBoolean(5))),
            ("d", dimension), ("month_end", upTo))
            .ToLookup(s => (s.Kpi, s.Member), s => s.Signal);
        var catalogue = KpiCatalog.All.ToDictionary(k => k.Id);
        return points.GroupBy(p => (p.Kpi, p.Member))
            .Where(g => catalogue.ContainsKey(g.Key.Kpi))
            .Select(g =>
            {
                var kpi = catalogue[g.Key.Kpi];
                var first = g.First();
                decimal? target = targets is not null && targets.TryGetValue(kpi.Id, out var t) ? t : kpi.DefaultTarget;
                return new ControlChart(kpi, dimension, g.Key.Member, Enum.Parse<ControlChartKind>(first.Kind), first.Seasonal,
                    g.Count(p => p.Baseline), g.Select(p => p.Point).ToList(), signals[g.Key].ToList(), target);
            })
            .OrderBy(c => KpiCatalog.Position(c.Kpi.Id))
            .ToList();
    }
}
