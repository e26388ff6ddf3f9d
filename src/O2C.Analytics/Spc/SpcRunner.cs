using O2C.Analytics.Storage;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Spc;

/// <summary>
/// Charts every KPI for every dimension member from kpi_values and stores points and signals. Every rule is
/// computed; alerting follows the KPI reference: rule 1 always, the zone and run rules on XmR charts only (they
/// raise too many false alarms on attribute charts).
/// </summary>
public static class SpcRunner
{
    public static IReadOnlyList<ControlChart> Run(Warehouse warehouse, SpcOptions options)
    {
        var values = KpiValueReader.ReadAll(warehouse);
        var targets = warehouse.Query("SELECT kpi_id, target_value FROM kpi_targets QUALIFY row_number() OVER (PARTITION BY kpi_id ORDER BY effective_from DESC) = 1",
            r => (r.GetString(0), r.GetDecimal(1))).ToDictionary(t => t.Item1, t => t.Item2);
        // Without a configured start, the baseline begins after the warm-up months of the data.
        if (options.BaselineStart is null && values.Count > 0)
        {
            var first = values.Min(v => v.PeriodEnd);
            options = options with { BaselineStart = new DateOnly(first.Year, first.Month, 1).AddMonths(options.WarmUpMonths + 1).AddDays(-1) };
        }
        var charts = new List<ControlChart>();
        foreach (var group in values.GroupBy(v => (v.KpiId, v.Dimension, v.Member)))
        {
            var kpi = KpiCatalog.All.FirstOrDefault(k => k.Id == group.Key.KpiId);
            if (kpi is null) continue;
            var target = targets.TryGetValue(kpi.Id, out var t) ? t : kpi.DefaultTarget;
            var chart = ControlChartBuilder.Build(kpi, group.Key.Dimension, group.Key.Member, group.ToList(), options, target);
            if (chart is not null) charts.Add(chart);
        }

        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DELETE FROM spc_points");
        warehouse.Execute("DELETE FROM spc_signals");
        using (var points = warehouse.Connection.CreateAppender("spc_points"))
            foreach (var c in charts)
                for (var i = 0; i < c.Points.Count; i++)
                {
                    var p = c.Points[i];
                    points.CreateRow().AppendValue(c.Kpi.Id).AppendValue(c.Dimension).AppendValue(c.Member).AppendValue(p.Month)
                        .AppendValue(c.Kind.ToString()).AppendValue(c.SeasonallyAdjusted).AppendValue(i < c.BaselinePoints)
                        .AppendValue(Round(p.Value)).AppendValue(Round(p.Centre)).AppendValue(Round(p.Sigma))
                        .AppendValue(Round(p.Lower)).AppendValue(Round(p.Upper)).EndRow();
                }
        using (var signals = warehouse.Connection.CreateAppender("spc_signals"))
            foreach (var c in charts)
                foreach (var s in c.Signals)
                    signals.CreateRow().AppendValue(c.Kpi.Id).AppendValue(c.Dimension).AppendValue(c.Member).AppendValue(s.Month)
                        .AppendValue(s.Rule).AppendValue(s.Direction).AppendValue(s.IsBad)
                        .AppendValue(s.Rule == RunRules.BeyondThreeSigma || c.Kind == ControlChartKind.XmR).EndRow();
        transaction.Commit();
        return charts;
    }

    private static decimal Round(decimal d) => Math.Round(d, 6);
}
