using O2C.Analytics.Storage;
namespace O2C.Analytics.Predict;

/// <summary>
/// Trains the payment models on a time-ordered split (older invoices train, newer ones test) and measures them on the
/// held-out newer invoices against the naive baseline: the customer's median days to pay so far (its share of late
/// payments for the classifier), falling back to the terms.
/// </summary>
public sealed class PaymentModelTrainer(Warehouse warehouse, int seed = 42)
{
    /// <summary>Fewer paid invoices than this, and there is nothing to learn from.</summary>
    public const int MinimumRows = 50;

    public PaymentModelMetrics Train(double trainShare = 0.8) => TrainAndMeasure(trainShare).Metrics;

    /// <summary>The time split's metrics, or null when fewer than <see cref="MinimumRows"/> invoices are paid.</summary>
    public PaymentModelMetrics? TrainIfEnough()
    {
        var rows = PaymentDataset.Settled(warehouse, DateOnly.MaxValue);
        return rows.Count < MinimumRows ? null : Measure(rows, 0.8, null).Metrics;
    }

    /// <returns>Also every paid invoice read (the test invoices' outcomes included), for the model that scores.</returns>
    public (PaymentModels Models, PaymentModelMetrics Metrics, List<PaymentRow> Rows) TrainAndMeasure(
        double trainShare = 0.8, DateOnly? asOf = null, int? maxRows = null)
    {
        // At scale, learn from the most recent invoices only.
        var rows = PaymentDataset.Settled(warehouse, asOf ?? DateOnly.MaxValue, maxRows);
        if (rows.Count < MinimumRows) throw new InvalidOperationException($"only {rows.Count} paid invoices: too few to train on");
        return Measure(rows, trainShare, asOf);
    }

    private (PaymentModels Models, PaymentModelMetrics Metrics, List<PaymentRow> Rows) Measure(List<PaymentRow> rows, double trainShare, DateOnly? asOf)
    {
        PaymentFeatures.Guard([.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical]);
        var split = rows[(int)(rows.Count * trainShare)].Date;
        var train = KnownBefore(rows, split);
        var test = rows.Where(r => r.Date >= split).ToList();
        var models = PaymentModels.Train(train, seed);
        var predicted = models.Predict(test);
        var days = predicted.Select(p => p.DaysToPay).ToArray();
        var late = predicted.Select(p => p.ProbabilityLate).ToArray();
        var actual = test.Select(r => (double)r.DaysToPay!.Value).ToArray();
        var baseline = test.Select(r => (double)r.Anchor).ToArray();
        var labels = test.Select(r => r.DaysLate > 0).ToArray();
        var metrics = new PaymentModelMetrics(train.Count, test.Count, split,
            Mae(days.Select(p => (double)p).ToArray(), actual), Rmse(days.Select(p => (double)p).ToArray(), actual),
            Mae(baseline, actual), Rmse(baseline, actual),
            Auc(late.Select(p => (double)p).ToArray(), labels), Auc(test.Select(r => (double)r.BaselineLateScore).ToArray(), labels),
            labels.Average(l => l ? 1.0 : 0.0),
            late.Zip(labels, (p, l) => Math.Pow(p - (l ? 1 : 0), 2)).Average(),
            test.Zip(labels, (r, l) => Math.Pow(r.BaselineLateScore - (l ? 1 : 0), 2)).Average(),
            Calibration(late, labels),
            // The test set holds only invoices paid by cash; say how many issued in its window were not (still open,
            // written off, credited): the slowest payers, whom no paid-invoice MAE sees. Counted from the settlements
            // alone (they carry the document type).
            warehouse.Scalar<long>($"""
                SELECT count(*) FROM int_document_settlement s
                WHERE s.document_type = 'invoice' AND s.document_date >= $split AND s.document_date <= $last
                  AND NOT (coalesce(s.settled_by_cash, false) AND s.settled_date IS NOT NULL AND s.settled_date < $asof)
                """, ("split", split), ("last", rows[^1].Date), ("asof", asOf ?? DateOnly.MaxValue)));
        return (models, metrics, rows);
    }

    /// <summary>
    /// What a model trained on the morning of <paramref name="split"/> may learn from: invoices issued before it whose
    /// outcome (the day they were settled) was known before it. An invoice issued before the split but paid on or
    /// after it is a future outcome, not training data.
    /// </summary>
    public static List<PaymentRow> KnownBefore(IEnumerable<PaymentRow> rows, DateOnly split) =>
        rows.Where(r => r.Date < split && r.DaysToPay is { } days && r.Date.AddDays((int)days) < split).ToList();

    private static IReadOnlyList<(double, double, int)> Calibration(float[] probability, bool[] labels) =>
        probability.Zip(labels).GroupBy(x => Math.Min(9, (int)(x.First * 10))).OrderBy(g => g.Key)
            .Select(g => (Math.Round(g.Average(x => (double)x.First), 3), Math.Round(g.Average(x => x.Second ? 1.0 : 0.0), 3), g.Count())).ToList();

    private static double Mae(double[] p, double[] a) => p.Zip(a, (x, y) => Math.Abs(x - y)).Average();

    private static double Rmse(double[] p, double[] a) => Math.Sqrt(p.Zip(a, (x, y) => (x - y) * (x - y)).Average());

    /// <summary>Area under the ROC curve by ranks (ties share their average rank).</summary>
    internal static double Auc(double[] scores, bool[] labels)
    {
        var order = scores.Select((s, i) => (s, i)).OrderBy(x => x.s).ToArray();
        var ranks = new double[scores.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && order[j + 1].s == order[i].s) j++;
            for (var k = i; k <= j; k++) ranks[order[k].i] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        double positives = labels.Count(l => l), negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        var rankSum = labels.Select((l, i) => l ? ranks[i] : 0).Sum();
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
