namespace O2C.Analytics.Spc;

/// <summary>
/// Western Electric / Nelson run rules on standardized points (z = distance from the centre in sigmas; for a
/// p-chart each point has its own sigma). A signal is raised at the point that completes the pattern.
/// </summary>
public static class RunRules
{
    public const string BeyondThreeSigma = "1: beyond 3 sigma";
    public const string TwoOfThreeBeyondTwoSigma = "2: 2 of 3 beyond 2 sigma";
    public const string FourOfFiveBeyondOneSigma = "3: 4 of 5 beyond 1 sigma";
    public const string NineOnOneSide = "4: 9 in a row on one side";
    public const string SixTrending = "5: 6 in a row rising or falling";

    public static IEnumerable<(int Index, string Rule, int Side)> Evaluate(IReadOnlyList<SpcPoint> points)
    {
        var z = points.Select(p => p.Z).ToArray();
        for (var i = 0; i < z.Length; i++)
        {
            if (Math.Abs(z[i]) > 3) yield return (i, BeyondThreeSigma, Math.Sign(z[i]));
            foreach (var side in new[] { 1, -1 })
            {
                if (i >= 2 && SideCount(z, i - 2, i, side, 2) >= 2 && side * z[i] > 2) yield return (i, TwoOfThreeBeyondTwoSigma, side);
                if (i >= 4 && SideCount(z, i - 4, i, side, 1) >= 4 && side * z[i] > 1) yield return (i, FourOfFiveBeyondOneSigma, side);
                if (i >= 8 && Enumerable.Range(i - 8, 9).All(j => side * z[j] > 0)) yield return (i, NineOnOneSide, side);
            }
            // Six points in a row, each higher (or lower) than the one before: five steps the same way.
            if (i >= 5)
            {
                var steps = Enumerable.Range(i - 4, 5).Select(j => Math.Sign(points[j].Value - points[j - 1].Value)).ToList();
                if (steps.All(s => s > 0)) yield return (i, SixTrending, 1);
                if (steps.All(s => s < 0)) yield return (i, SixTrending, -1);
            }
        }
    }

    private static int SideCount(decimal[] z, int from, int to, int side, decimal beyond)
    {
        var count = 0;
        for (var j = from; j <= to; j++) if (side * z[j] > beyond) count++;
        return count;
    }
}
