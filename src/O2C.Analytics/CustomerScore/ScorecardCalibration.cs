using O2C.Analytics.Storage;

namespace O2C.Analytics.CustomerScore;

/// <summary>
/// A scorecard bin's fitted points beside the points the scorecard has now. A bin no customer-month fell in has no
/// fitted points (its current points are a choice, e.g. no credit limit).
/// </summary>
public sealed record FittedBin(string Factor, string Bin, int BinOrder, long CustomerMonths, long Delinquent, double? WeightOfEvidence, int? FittedPoints, int CurrentPoints);

/// <summary>
/// Fits the scorecard's points (int_customer_scorecard) to what happened next, on the month ends up to a cut-off:
/// <list type="number">
/// <item>each customer-month's bins as stored (fct_customer_score_monthly) and its 90-day-forward delinquency;</item>
/// <item>each bin's weight of evidence, ln(share of the good in the bin / share of the delinquent in it), after
/// pooling adjacent bins, from the best to the worst (by value, or against it where the risk is expected to fall
/// as the value rises: tenure), wherever the delinquency rate fell, so that the points never reward a worse bin;
/// the 'none' bin stands alone;</item>
/// <item>a logistic regression of delinquency on the factors' weights (Newton's method);</item>
/// <item>points = -coefficient x weight, shifted so that each factor's worst bin earns 0, scaled so that the best
/// bins add up to 100, rounded.</item>
/// </list>
/// The scorecard in the repository is this fit on the sample to June 2025; docs/customer-score.md.
/// </summary>
public static class ScorecardCalibration
{
    private sealed record BinCount(int Factor, string Bin, int Order, long Good, long Bad);

    public static IReadOnlyList<FittedBin> Fit(Warehouse warehouse, DateOnly until)
    {
        var factors = ScoreFactor.All;
        var scorecard = warehouse.Query("SELECT factor, bin, bin_order, points, risk_rises_with_value FROM int_customer_scorecard",
            r => (Factor: r.GetString(0), Bin: r.GetString(1), Order: r.GetInt32(2), Points: r.GetInt32(3), RiskRises: r.GetBoolean(4)));
        var bins = string.Join(", ", factors.Select(f => f.ScorePrefix + "_bin"));
        var rows = warehouse.Query($"""
            SELECT d.delinquent, {bins}
            FROM customer_forward_delinquency() d JOIN fct_customer_score_monthly s USING (month_end, customer_id)
            WHERE s.month_end <= $until AND s.score IS NOT NULL
            """, r => (Bad: r.GetBoolean(0), Bins: Enumerable.Range(0, factors.Count).Select(i => r.GetString(1 + i)).ToArray()), ("until", until));
        if (rows.Count == 0) throw new InvalidOperationException($"no scored month end on or before {until:yyyy-MM-dd} has three month ends after it");
        long bad = rows.Count(r => r.Bad), good = rows.Count - bad;
        if (bad == 0 || good == 0) throw new InvalidOperationException("the fit needs customers who went delinquent and customers who did not");

        var weights = new Dictionary<(int, string), double>();
        var counts = new List<BinCount>();
        for (var j = 0; j < factors.Count; j++)
        {
            var factor = j;
            var inFactor = scorecard.Where(s => s.Factor == factors[factor].Column).OrderBy(s => s.RiskRises ? s.Order : -s.Order).ToList();
            var seen = rows.GroupBy(r => r.Bins[factor]).ToDictionary(g => g.Key, g => (Good: (long)g.Count(r => !r.Bad), Bad: (long)g.Count(r => r.Bad)));
            counts.AddRange(inFactor.Select(s => seen.TryGetValue(s.Bin, out var c) ? new BinCount(factor, s.Bin, s.Order, c.Good, c.Bad) : new BinCount(factor, s.Bin, s.Order, 0, 0)));
            foreach (var block in PooledBlocks(counts.Where(c => c.Factor == factor).ToList()))
            {
                // half a customer-month added to both sides keeps an empty side finite
                var woe = Math.Log((block.Good + 0.5) / good / ((block.Bad + 0.5) / bad));
                foreach (var bin in block.Bins.Where(b => seen.ContainsKey(b))) weights[(factor, bin)] = woe;
            }
        }
        var flat = Enumerable.Range(0, factors.Count).Select(j => weights.Where(w => w.Key.Item1 == j).Select(w => w.Value).Distinct().Count() <= 1).ToArray();
        var x = rows.Select(r => Enumerable.Range(0, factors.Count).Select(j => flat[j] ? 0 : weights[(j, r.Bins[j])]).ToArray()).ToList();
        var beta = LogisticRegression(x, rows.Select(r => r.Bad).ToList(), flat);

        var raw = weights.ToDictionary(w => w.Key, w => -beta[w.Key.Item1 + 1] * w.Value);
        var low = Enumerable.Range(0, factors.Count).Select(j => raw.Where(r => r.Key.Item1 == j).Min(r => r.Value)).ToArray();
        var span = Enumerable.Range(0, factors.Count).Sum(j => raw.Where(r => r.Key.Item1 == j).Max(r => r.Value) - low[j]);
        return counts.Select(c => new FittedBin(factors[c.Factor].Column, c.Bin, c.Order, c.Good + c.Bad, c.Bad,
                weights.TryGetValue((c.Factor, c.Bin), out var w) ? w : null,
                raw.TryGetValue((c.Factor, c.Bin), out var r) ? (int)Math.Round((r - low[c.Factor]) * 100 / span, MidpointRounding.AwayFromZero) : null,
                scorecard.Single(s => s.Factor == factors[c.Factor].Column && s.Bin == c.Bin).Points))
            .ToList();
    }

    private sealed record Block(List<string> Bins, long Good, long Bad)
    {
        public double Rate => Good + Bad == 0 ? 0 : (double)Bad / (Good + Bad);
    }

    /// <summary>Pool adjacent violators: in order from the best bin to the worst, the delinquency rate never falls.</summary>
    private static List<Block> PooledBlocks(List<BinCount> bestToWorst)
    {
        var blocks = new List<Block>();
        foreach (var bin in bestToWorst.Where(b => b.Bin != "none" && b.Good + b.Bad > 0))
        {
            blocks.Add(new Block([bin.Bin], bin.Good, bin.Bad));
            while (blocks.Count > 1 && blocks[^1].Rate < blocks[^2].Rate)
            {
                var last = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = new Block([.. blocks[^1].Bins, .. last.Bins], blocks[^1].Good + last.Good, blocks[^1].Bad + last.Bad);
            }
        }
        if (bestToWorst.SingleOrDefault(b => b.Bin == "none" && b.Good + b.Bad > 0) is { } none) blocks.Add(new Block(["none"], none.Good, none.Bad));
        return blocks;
    }

    /// <summary>Intercept and one coefficient per factor (0 for a flat one), by Newton's method on the log-likelihood.</summary>
    private static double[] LogisticRegression(List<double[]> x, List<bool> y, bool[] flat)
    {
        var p = flat.Length + 1;
        var beta = new double[p];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var hessian = new double[p, p];
            var gradient = new double[p];
            for (var i = 0; i < x.Count; i++)
            {
                var row = new double[p];
                row[0] = 1;
                Array.Copy(x[i], 0, row, 1, flat.Length);
                var eta = 0.0;
                for (var k = 0; k < p; k++) eta += beta[k] * row[k];
                var mu = 1 / (1 + Math.Exp(-eta));
                for (var a = 0; a < p; a++)
                {
                    gradient[a] += ((y[i] ? 1 : 0) - mu) * row[a];
                    for (var b = 0; b < p; b++) hessian[a, b] += mu * (1 - mu) * row[a] * row[b];
                }
            }
            for (var a = 1; a < p; a++)
                if (flat[a - 1])
                {
                    // a flat factor's coefficient stays 0: its row and column of the system are the identity's
                    for (var b = 0; b < p; b++) hessian[a, b] = hessian[b, a] = a == b ? 1 : 0;
                    gradient[a] = 0;
                }
            var step = Solve(hessian, gradient);
            var largest = 0.0;
            for (var k = 0; k < p; k++) { beta[k] += step[k]; largest = Math.Max(largest, Math.Abs(step[k])); }
            if (largest < 1e-9) break;
        }
        return beta;
    }

    /// <summary>Gaussian elimination with partial pivoting: a x = b for a small dense system.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = new double[n, n + 1];
        for (var r = 0; r < n; r++) { for (var c = 0; c < n; c++) m[r, c] = a[r, c]; m[r, n] = b[r]; }
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            for (var k = 0; k <= n; k++) (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var f = m[r, c] / m[c, c];
                for (var k = c; k <= n; k++) m[r, k] -= f * m[c, k];
            }
        }
        return Enumerable.Range(0, n).Select(r => m[r, n] / m[r, r]).ToArray();
    }
}
