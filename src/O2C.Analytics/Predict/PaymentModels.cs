using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace O2C.Analytics.Predict;

/// <summary>
/// The three payment models: days to pay (FastTree regression), paid late, and paid more than N days late (FastTree
/// classifiers). Features go from DuckDB rows into a Microsoft.Data.Analysis DataFrame, which ML.NET reads as an
/// IDataView. Single-threaded trees with a fixed seed: the same data gives the same models.
/// </summary>
public sealed class PaymentModels
{
    public const int Trees = 200, Leaves = 31, MinimumLeafCount = 20;
    public const double LearningRate = 0.1;

    private readonly MLContext _ml;
    private readonly ITransformer _days, _late, _late30;

    private PaymentModels(MLContext ml, ITransformer days, ITransformer late, ITransformer late30)
    {
        _ml = ml;
        _days = days;
        _late = late;
        _late30 = late30;
    }

    public static string HyperParameters => $"FastTree: trees {Trees}, leaves {Leaves}, minimum examples per leaf {MinimumLeafCount}, learning rate {LearningRate}, single thread";

    public static PaymentModels Train(IReadOnlyList<PaymentRow> rows, int seed, int lateNDays = 30)
    {
        var ml = new MLContext(seed);
        var data = Frame(rows, lateNDays);
        var features = ml.Transforms.Categorical.OneHotEncoding(PaymentFeatures.Categorical.Select(c => new InputOutputColumnPair(c + "_onehot", c)).ToArray())
            .Append(ml.Transforms.Concatenate("Features", [.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical.Select(c => c + "_onehot")]));
        var days = features.Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = "DaysToPay", NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinimumLeafCount,
            LearningRate = LearningRate, NumberOfThreads = 1, Seed = seed,
        })).Fit(data);
        ITransformer Classifier(string label) => features.Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = label, NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinimumLeafCount,
            LearningRate = LearningRate, NumberOfThreads = 1, Seed = seed,
        })).Fit(data);
        return new PaymentModels(ml, days, Classifier("Late"), Classifier("Late30"));
    }

    public (float[] DaysToPay, float[] Late, float[] Late30) Predict(IReadOnlyList<PaymentRow> rows)
    {
        var data = Frame(rows);
        return (_days.Transform(data).GetColumn<float>("Score").ToArray(),
            _late.Transform(data).GetColumn<float>("Probability").ToArray(),
            _late30.Transform(data).GetColumn<float>("Probability").ToArray());
    }

    /// <summary>Gain of each numeric feature in the days-to-pay trees; the one-hot categories are summed per column.</summary>
    public IReadOnlyDictionary<string, double> FeatureImportance()
    {
        if ((_days as IEnumerable<ITransformer>)?.LastOrDefault() is not RegressionPredictionTransformer<FastTreeRegressionModelParameters> model)
            return new Dictionary<string, double>();
        VBuffer<float> weights = default;
        model.Model.GetFeatureWeights(ref weights);
        var values = weights.DenseValues().ToArray();
        var importance = new Dictionary<string, double>();
        for (var i = 0; i < PaymentFeatures.Numeric.Count && i < values.Length; i++) importance[PaymentFeatures.Numeric[i]] = values[i];
        importance["categories (currency, segment, region, e-invoicing)"] = values.Skip(PaymentFeatures.Numeric.Count).Sum();
        var total = importance.Values.Sum();
        return importance.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => total == 0 ? 0 : Math.Round(p.Value / total, 4));
    }

    public void Save(string folder, IReadOnlyList<PaymentRow> sample)
    {
        Directory.CreateDirectory(folder);
        var schema = ((IDataView)Frame(sample.Take(1).ToList())).Schema;
        _ml.Model.Save(_days, schema, Path.Combine(folder, "days_to_pay.zip"));
        _ml.Model.Save(_late, schema, Path.Combine(folder, "late.zip"));
        _ml.Model.Save(_late30, schema, Path.Combine(folder, "late_30.zip"));
    }

    public static PaymentModels Load(string folder, int seed)
    {
        var ml = new MLContext(seed);
        ITransformer L(string name) => ml.Model.Load(Path.Combine(folder, name), out _);
        return new PaymentModels(ml, L("days_to_pay.zip"), L("late.zip"), L("late_30.zip"));
    }

    private static DataFrame Frame(IReadOnlyList<PaymentRow> rows, int lateNDays = 30)
    {
        var columns = new List<DataFrameColumn>();
        for (var c = 0; c < PaymentFeatures.Numeric.Count; c++)
            columns.Add(new SingleDataFrameColumn(PaymentFeatures.Numeric[c], rows.Select(r => r.Numeric[c])));
        for (var c = 0; c < PaymentFeatures.Categorical.Count; c++)
            columns.Add(new StringDataFrameColumn(PaymentFeatures.Categorical[c], rows.Select(r => r.Categorical[c])));
        columns.Add(new SingleDataFrameColumn("DaysToPay", rows.Select(r => r.DaysToPay ?? 0f)));
        columns.Add(new BooleanDataFrameColumn("Late", rows.Select(r => (r.DaysLate ?? 0f) > 0)));
        columns.Add(new BooleanDataFrameColumn("Late30", rows.Select(r => (r.DaysLate ?? 0f) > lateNDays)));
        return new DataFrame(columns);
    }
}
