namespace O2C.Analytics.Pilots;

/// <summary>
/// One customer's parts of a measure over the months before and after the start (numerator and denominator summed
/// over them, as a KPI's parts), in its group and stratum (its band at the draw).
/// </summary>
public sealed record CustomerChange(string CustomerId, bool InPilot, string Stratum,
    double NumeratorBefore, double DenominatorBefore, double NumeratorAfter, double DenominatorAfter);

/// <summary>
/// A difference in differences with its 95 % interval: the pilot group's change in the measure less the control
/// group's, the four group values beside it, and how many customers each group had.
/// </summary>
public sealed record DiffInDiff(int PilotCustomers, int ControlCustomers, double PilotBefore, double PilotAfter,
    double ControlBefore, double ControlAfter, double Estimate, double Low, double High)
{
    /// <summary>The interval leaves out 0: an effect at 95 %.</summary>
    public bool IsEffect => HasInterval && (Low > 0 || High < 0);

    /// <summary>Both groups have enough customers for a bootstrap interval worth reading.</summary>
    public bool HasInterval => double.IsFinite(Low) && double.IsFinite(High);

    /// <summary>Fewer customers than this in either group: the estimate is shown, with no interval (a bootstrap of a few is falsely narrow).</summary>
    public const int MinimumForInterval = 10;

    public const int Replicates = 2000;

    /// <summary>
    /// A group's measure on a side is its customers' numerators over their denominators, summed (as the KPI is for any
    /// group of customers), times the scale. Estimate = (pilot after - pilot before) - (control after - control
    /// before). Interval: percentile bootstrap by customer, 2,000 resamples drawn with replacement within each group
    /// and stratum (as the groups were drawn), from a fixed seed so the same data give the same interval. Null when
    /// either group has no customer.
    /// </summary>
    public static DiffInDiff? Measure(IReadOnlyList<CustomerChange> customers, double scale = 1, int seed = 20231)
    {
        var pilot = customers.Where(c => c.InPilot).ToList();
        var control = customers.Where(c => !c.InPilot).ToList();
        if (pilot.Count == 0 || control.Count == 0) return null;
        var point = Of(pilot, control, scale);
        if (pilot.Count < MinimumForInterval || control.Count < MinimumForInterval) return point;
        var strata = customers.GroupBy(c => (c.InPilot, c.Stratum)).Select(g => (g.Key.InPilot, Members: g.ToArray())).ToList();
        var random = new Random(seed);
        var estimates = new double[Replicates];
        var sums = new double[8];
        for (var b = 0; b < Replicates; b++)
        {
            Array.Clear(sums);
            foreach (var (inPilot, members) in strata)
            {
                var o = inPilot ? 0 : 4;
                for (var i = 0; i < members.Length; i++)
                {
                    var c = members[random.Next(members.Length)];
                    sums[o] += c.NumeratorBefore; sums[o + 1] += c.DenominatorBefore; sums[o + 2] += c.NumeratorAfter; sums[o + 3] += c.DenominatorAfter;
                }
            }
            estimates[b] = scale * (sums[2] / sums[3] - sums[0] / sums[1] - (sums[6] / sums[7] - sums[4] / sums[5]));
        }
        Array.Sort(estimates);
        return point with { Low = Percentile(estimates, 0.025), High = Percentile(estimates, 0.975) };
    }

    private static DiffInDiff Of(List<CustomerChange> pilot, List<CustomerChange> control, double scale)
    {
        double R(List<CustomerChange> g, bool after) =>
            scale * (after ? g.Sum(c => c.NumeratorAfter) / g.Sum(c => c.DenominatorAfter) : g.Sum(c => c.NumeratorBefore) / g.Sum(c => c.DenominatorBefore));
        var (pb, pa, cb, ca) = (R(pilot, false), R(pilot, true), R(control, false), R(control, true));
        return new DiffInDiff(pilot.Count, control.Count, pb, pa, cb, ca, pa - pb - (ca - cb), double.NaN, double.NaN);
    }

    /// <summary>Linear interpolation between the order statistics around the quantile.</summary>
    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
