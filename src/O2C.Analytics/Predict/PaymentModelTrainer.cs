using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace O2C.Analytics.Predict;

/// <summary>
/// Trains, on a time-ordered split (older invoices train, newer ones test), a FastTree regression of days to pay and a
/// FastTree classifier of "paid late", and measures both on the held-out newer invoices against the naive baseline:
/// the customer's historical mean days to pay (its share of late payments for the classifier), falling back to terms.
/// Features come out of DuckDB into a Microsoft.Data.Analysis DataFrame, which ML.NET reads as an IDataView.
/// Deterministic for a seed (single-threaded trees).
/// </summary>
public sealed class PaymentModelTrainer(Warehouse.Warehouse warehouse, int seed = 42)
{
    public PaymentModelMetrics Train(double trainShare = 0.8, int lateAfterDays = 0)
    {
        PaymentFeatures.Guard([.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical]);
        var rows = warehouse.Query($"""
            SELECT document_date, {string.Join(", ", PaymentFeatures.Numeric.Select(c => $"CAST(coalesce({c}, 0) AS DOUBLE)"))},
                   {string.Join(", ", PaymentFeatures.Categorical.Select(c => $"coalesce(CAST({c} AS VARCHAR), 'unknown')"))},
                   CAST(days_to_pay AS DOUBLE), CAST(days_late AS DOUBLE), hist_count, CAST(hist_mean_days_to_pay AS DOUBLE), CAST(hist_share_late AS DOUBLE)
            FROM fct_invoice_payment_features
            WHERE days_to_pay IS NOT NULL
            ORDER BY document_date, document_id
            """, r =>
        {
            var i = 0;
            var date = r.GetFieldValue<DateOnly>(i++);
            var numeric = PaymentFeatures.Numeric.Select(_ => (float)r.GetDouble(i++)).ToArray();
            var categorical = PaymentFeatures.Categorical.Select(_ => r.GetString(i++)).ToArray();
            var daysToPay = (float)r.GetDouble(i++);
            var daysLate = (float)r.GetDouble(i++);
            var histCount = r.GetInt64(i++);
            var histMean = r.IsDBNull(i) ? (float?)null : (float)r.GetDouble(i); i++;
            var histLate = r.IsDBNull(i) ? (float?)null : (float)r.GetDouble(i);
            return (Date: date, Numeric: numeric, Categorical: categorical, DaysToPay: daysToPay, Late: daysLate > lateAfterDays,
                Baseline: histCount > 0 && histMean is { } m ? m : numeric[0], BaselineLate: histCount > 0 && histLate is { } l ? l : 0f);
        });
        if (rows.Count < 50) throw new InvalidOperationException($"only {rows.Count} settled invoices: too few to train on");
        var split = rows[(int)(rows.Count * trainShare)].Date;
        var train = rows.Where(r => r.Date < split).ToList();
        var test = rows.Where(r => r.Date >= split).ToList();

        var ml = new MLContext(seed);
        IDataView Frame(IEnumerable<(DateOnly Date, float[] Numeric, string[] Categorical, float DaysToPay, bool Late, float Baseline, float BaselineLate)> data)
        {
            var list = data.ToList();
            var columns = new List<DataFrameColumn>();
            for (var c = 0; c < PaymentFeatures.Numeric.Count; c++)
                columns.Add(new SingleDataFrameColumn(PaymentFeatures.Numeric[c], list.Select(r => r.Numeric[c])));
            for (var c = 0; c < PaymentFeatures.Categorical.Count; c++)
                columns.Add(new StringDataFrameColumn(PaymentFeatures.Categorical[c], list.Select(r => r.Categorical[c])));
            columns.Add(new SingleDataFrameColumn("Label", list.Select(r => r.DaysToPay)));
            columns.Add(new BooleanDataFrameColumn("Late", list.Select(r => r.Late)));
            return new DataFrame(columns);
        }

        var features = ml.Transforms.Categorical.OneHotEncoding(PaymentFeatures.Categorical.Select(c => new InputOutputColumnPair(c + "_onehot", c)).ToArray())
            .Append(ml.Transforms.Concatenate("Features", [.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical.Select(c => c + "_onehot")]));
        var trainView = Frame(train);
        var testView = Frame(test);

        var regression = features.Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = "Label", NumberOfTrees = 200, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1,
            NumberOfThreads = 1, Seed = seed,
        })).Fit(trainView);
        var predicted = regression.Transform(testView).GetColumn<float>("Score").ToArray();
        var actual = test.Select(r => (double)r.DaysToPay).ToArray();
        var baseline = test.Select(r => (double)r.Baseline).ToArray();

        var classifier = features.Append(ml.Transforms.CopyColumns("LateLabel", "Late"))
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = "LateLabel", NumberOfTrees = 200, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1,
                NumberOfThreads = 1, Seed = seed,
            })).Fit(trainView);
        var probability = classifier.Transform(testView).GetColumn<float>("Probability").ToArray();
        var labels = test.Select(r => r.Late).ToArray();

        return new PaymentModelMetrics(train.Count, test.Count, split,
            Mae(predicted.Select(p => (double)p).ToArray(), actual), Rmse(predicted.Select(p => (double)p).ToArray(), actual),
            Mae(baseline, actual), Rmse(baseline, actual),
            Auc(probability.Select(p => (double)p).ToArray(), labels), Auc(test.Select(r => (double)r.BaselineLate).ToArray(), labels),
            labels.Average(l => l ? 1.0 : 0.0));
    }

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
