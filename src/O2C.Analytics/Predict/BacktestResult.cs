namespace O2C.Analytics.Predict;

/// <summary>A stored backtest: the time split, every cut-off, and the pooled figures a treasurer reads.</summary>
public sealed record BacktestResult(long BacktestId, PaymentModelMetrics? Split, IReadOnlyList<BacktestCutOff> CutOffs)
{
    /// <summary>Mean absolute error of the pay date over every scored open invoice of every cut-off.</summary>
    public double? PooledMae => Pooled(e => e.Model);

    public double? PooledBaselineMae => Pooled(e => e.Baseline);

    /// <summary>Cut-offs where the model's open-invoice MAE is below the baseline's, of those with scored invoices.</summary>
    public (int Better, int Of) CutOffsBeatingBaseline =>
        (CutOffs.Count(c => c.Mae < c.BaselineMae), CutOffs.Count(c => c.Mae is not null));

    /// <summary>Mean over the cut-offs whose weeks have all passed.</summary>
    public static double? MeanOf(IEnumerable<double?> values) => values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(double.NaN).Average() is var m && double.IsNaN(m) ? null : m;

    private double? Pooled(Func<(double Model, double Baseline), double> error)
    {
        var errors = CutOffs.SelectMany(c => c.DateErrors).ToList();
        return errors.Count == 0 ? null : errors.Average(error);
    }
}
