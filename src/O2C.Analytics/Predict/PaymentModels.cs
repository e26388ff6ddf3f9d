using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace O2C.Analytics.Predict;

/// <summary>
/// The payment models. Days to pay: FastTree regression of the gap between the invoice's days to pay and its anchor
/// (the customer's median days to pay so far, the terms without history), added back to the anchor: the customer's
/// median is the strongest simple forecast, so the trees learn only how this invoice differs from it. Paid late,
/// and paid more than N days late: the mean of a logistic regression (standardised features) and a FastTree
/// classifier, which ranks and calibrates better than either alone. Small trees (4 leaves, 50 invoices per leaf):
/// deeper ones learn noise of the payers and lose to the median out of time. Features go from DuckDB rows into a
/// Microsoft.Data.Analysis DataFrame, which ML.NET reads as an IDataView. Single-threaded with a fixed seed: the
/// same data gives the same models.
/// </summary>
public sealed class PaymentModels
{
    public const int Trees = 100, Leaves = 4, MinimumLeafCount = 50;
    public const double LearningRate = 0.05;

    private static readonly string[] Files = ["days_gap.zip", "late_trees.zip", "late_logistic.zip", "late_n_trees.zip", "late_n_logistic.zip"];

    private readonly MLContext _ml;
    private readonly ITransformer[] _models; // in the order of Files

    private PaymentModels(MLContext ml, ITransformer[] models)
    {
        _ml = ml;
        _models = models;
    }

    public static string HyperParameters =>
        $"days: FastTree regression of (days to pay - customer median so far), trees {Trees}, leaves {Leaves}, minimum examples per leaf {MinimumLeafCount}, learning rate {LearningRate}; "
        + "late and late N: mean of L-BFGS logistic regression (mean-variance normalised) and FastTree classifier (same trees); single thread";

    public static PaymentModels Train(IReadOnlyList<PaymentRow> rows, int seed, int lateNDays = 30)
    {
        var ml = new MLContext(seed);
        var data = Frame(rows, lateNDays);
        var features = ml.Transforms.Categorical.OneHotEncoding(PaymentFeatures.Categorical.Select(c => new InputOutputColumnPair(c + "_onehot", c)).ToArray())
            .Append(ml.Transforms.Concatenate("Features", [.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical.Select(c => c + "_onehot")]));
        var gap = features.Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = "Gap", NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinimumLeafCount,
            LearningRate = LearningRate, NumberOfThreads = 1, Seed = seed,
        })).Fit(data);
        ITransformer Trees_(string label) => features.Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = label, NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinimumLeafCount,
            LearningRate = LearningRate, NumberOfThreads = 1, Seed = seed,
        })).Fit(data);
        ITransformer Logistic(string label) => features.Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label, NumberOfThreads = 1, L2Regularization = 1f,
            })).Fit(data);
        return new PaymentModels(ml, [gap, Trees_("Late"), Logistic("Late"), Trees_("LateN"), Logistic("LateN")]);
    }

    public (float[] DaysToPay, float[] Late, float[] Late30) Predict(IReadOnlyList<PaymentRow> rows)
    {
        var data = Frame(rows);
        float[] Column(int model, string column) => _models[model].Transform(data).GetColumn<float>(column).ToArray();
        var gap = Column(0, "Score");
        static float[] Mean(float[] a, float[] b) => a.Zip(b, (x, y) => (x + y) / 2).ToArray();
        return (rows.Select((r, i) => Math.Max(0f, r.Anchor + gap[i])).ToArray(),
            Mean(Column(1, "Probability"), Column(2, "Probability")),
            Mean(Column(3, "Probability"), Column(4, "Probability")));
    }

    /// <summary>Gain of each numeric feature in the days trees; the one-hot categories are summed per column.</summary>
    public IReadOnlyDictionary<string, double> FeatureImportance()
    {
        if ((_models[0] as IEnumerable<ITransformer>)?.LastOrDefault() is not RegressionPredictionTransformer<FastTreeRegressionModelParameters> model)
            return new Dictionary<string, double>();
        VBuffer<float> weights = default;
        model.Model.GetFeatureWeights(ref weights);
        var values = weights.DenseValues().ToArray();
        var importance = new Dictionary<string, double>();
        for (var i = 0; i < PaymentFeatures.Numeric.Count && i < values.Length; i++) importance[PaymentFeatures.Numeric[i]] = values[i];
        importance["categories (currency, segment, region, invoice channel)"] = values.Skip(PaymentFeatures.Numeric.Count).Sum();
        var total = importance.Values.Sum();
        return importance.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => total == 0 ? 0 : Math.Round(p.Value / total, 4));
    }

    public void Save(string folder, IReadOnlyList<PaymentRow> sample)
    {
        Directory.CreateDirectory(folder);
        var schema = ((IDataView)Frame(sample.Take(1).ToList())).Schema;
        for (var i = 0; i < Files.Length; i++) _ml.Model.Save(_models[i], schema, Path.Combine(folder, Files[i]));
    }

    /// <summary>Whether the folder holds models this version can score with (older runs saved other models).</summary>
    public static bool CanLoad(string folder) => Files.All(f => File.Exists(Path.Combine(folder, f)));

    public static PaymentModels Load(string folder, int seed)
    {
        if (!CanLoad(folder))
            throw new InvalidOperationException($"the models in {folder} were saved by an older version of o2c: run o2c predict train");
        var ml = new MLContext(seed);
        return new PaymentModels(ml, Files.Select(f => ml.Model.Load(Path.Combine(folder, f), out _)).ToArray());
    }

    private static DataFrame Frame(IReadOnlyList<PaymentRow> rows, int lateNDays = 30)
    {
        var columns = new List<DataFrameColumn>();
        for (var c = 0; c < PaymentFeatures.Numeric.Count; c++)
            columns.Add(new SingleDataFrameColumn(PaymentFeatures.Numeric[c], rows.Select(r => r.Numeric[c])));
        for (var c = 0; c < PaymentFeatures.Categorical.Count; c++)
            columns.Add(new StringDataFrameColumn(PaymentFeatures.Categorical[c], rows.Select(r => r.Categorical[c])));
        columns.Add(new SingleDataFrameColumn("Gap", rows.Select(r => (r.DaysToPay ?? r.Anchor) - r.Anchor)));
        columns.Add(new BooleanDataFrameColumn("Late", rows.Select(r => (r.DaysLate ?? 0f) > 0)));
        columns.Add(new BooleanDataFrameColumn("LateN", rows.Select(r => (r.DaysLate ?? 0f) > lateNDays)));
        return new DataFrame(columns);
    }
}
