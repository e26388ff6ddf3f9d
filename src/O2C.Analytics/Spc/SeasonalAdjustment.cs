namespace O2C.Analytics.Spc;

/// <summary>
/// Additive month-of-year adjustment. From the baseline (at least two years), each calendar month's index is the
/// amount by which that month's mean sits above or below the mean of the twelve months' means (so the indices
/// average zero, however many times each month occurs in the baseline).
/// The charted value is the KPI minus its month's index, so a spike that recurs every quarter end is absorbed by
/// the indices while a shift that is new still stands out. Twelve indices fitted on the same baseline make its
/// residuals look calmer than new months will be (n points, 12 fitted): the moving range is scaled by
/// sqrt(n / (n - 12)) so the limits are not too tight.
/// </summary>
public static class SeasonalAdjustment
{
    public static decimal SpreadFactor(int baselinePoints) =>
        (decimal)Math.Sqrt(baselinePoints / (double)Math.Max(1, baselinePoints - 12));

    public static IReadOnlyDictionary<int, decimal> Indices(IReadOnlyList<(DateOnly Month, decimal Value)> baseline)
    {
        if (baseline.Count < 24) throw new ArgumentException("seasonal indices need a baseline of at least 24 months");
        var monthMeans = baseline.GroupBy(p => p.Month.Month).ToDictionary(g => g.Key, g => g.Average(p => p.Value));
        var centre = monthMeans.Values.Average();
        return monthMeans.ToDictionary(p => p.Key, p => p.Value - centre);
    }

    public static decimal Adjust(decimal value, DateOnly month, IReadOnlyDictionary<int, decimal> indices) =>
        value - indices.GetValueOrDefault(month.Month);
}
