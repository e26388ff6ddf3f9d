namespace O2C.Analytics.Spc;

/// <summary>
/// Control limits by the textbook constants (o2c-kpi-reference.md): XmR centre = mean of the baseline, moving
/// range MR_i = |x_i - x_(i-1)|, limits = centre +/- 2.66 x mean(MR) (sigma = mean(MR) / 1.128), MR upper limit
/// = 3.267 x mean(MR); p-chart p-bar = sum of numerators / sum of denominators over the baseline,
/// limits_i = p-bar +/- 3 sqrt(p-bar (1 - p-bar) / n_i), clipped to [0, 1].
/// </summary>
public static class ControlLimits
{
    public const decimal XmRFactor = 2.66m;
    public const decimal D2 = 1.128m;
    public const decimal MovingRangeFactor = 3.267m;

    public sealed record XmRLimits(decimal Centre, decimal MeanMovingRange, decimal Lower, decimal Upper, decimal MovingRangeUpper)
    {
        public decimal Sigma => MeanMovingRange / D2;
    }

    /// <param name="spreadFactor">Scales the mean moving range; 1 except after a seasonal adjustment fitted on the same baseline.</param>
    public static XmRLimits XmR(IReadOnlyList<decimal> baseline, decimal spreadFactor = 1m)
    {
        if (baseline.Count < 2) throw new ArgumentException("an XmR baseline needs at least 2 points");
        var centre = baseline.Average();
        var meanMr = spreadFactor * Enumerable.Range(1, baseline.Count - 1).Average(i => Math.Abs(baseline[i] - baseline[i - 1]));
        return new XmRLimits(centre, meanMr, centre - XmRFactor * meanMr, centre + XmRFactor * meanMr, MovingRangeFactor * meanMr);
    }

    public static decimal PBar(IReadOnlyList<(decimal Numerator, decimal Denominator)> baseline) =>
        baseline.Sum(b => b.Numerator) / baseline.Sum(b => b.Denominator);

    public static (decimal Sigma, decimal Lower, decimal Upper) P(decimal pBar, decimal n)
    {
        var sigma = (decimal)Math.Sqrt((double)(pBar * (1 - pBar) / n));
        return (sigma, Math.Max(0, pBar - 3 * sigma), Math.Min(1, pBar + 3 * sigma));
    }
}
