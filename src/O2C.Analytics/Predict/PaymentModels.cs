using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using System.Globalization;

namespace O2C.Analytics.Predict;

/// <summary>
/// The payment model: FastTree regression of the gap between an invoice's days to pay and its anchor (the
/// customer's median days to pay so far, the terms without history), added back to the anchor. The customer's
/// median is the strongest simple forecast, so the trees learn only how this invoice differs from it. Small trees
/// (4 leaves, 50 invoices per leaf): deeper ones learn payers' noise and lose to the median out of time. The
/// model's errors on what it learned from (<see cref="PaymentErrorDistribution"/>) turn each prediction into a
/// distribution: the probabilities of paying late and N days late are read off it, so they always agree with the
/// date (measured on the IBM data this also ranks and calibrates better than separate classifiers did). Features
/// go from DuckDB rows into a Microsoft.Data.Analysis DataFrame, which ML.NET reads as an IDataView.
/// Single-threaded with a fixed seed: the same data gives the same model.
/// </summary>
public sealed class PaymentModels
{
    public const int Trees = 100, Leaves = 4, MinimumLeafCount = 50;
    public const double LearningRate = 0.05;
    private const string ModelFile = "days_gap.zip", ErrorsFile = "errors.txt";

    private readonly MLContext _ml;
    private readonly ITransformer _gap;

    public PaymentErrorDistribution Errors { get; }

    private PaymentModels(MLContext ml, ITransformer gap, PaymentErrorDistribution errors)
    {
        _ml = ml;
        _gap = gap;
        Errors = errors;
    }

    public static string HyperParameters =>
        $"FastTree regression of (days to pay - customer median so far): trees {Trees}, leaves {Leaves}, minimum examples per leaf {MinimumLeafCount}, learning rate {LearningRate}, single thread; "
        + "probabilities late from its error distribution";

    public static PaymentModels Train(IReadOnlyList<PaymentRow> rows, int seed)
    {
        var ml = new MLContext(seed);
        var data = Frame(rows);
        var gap = ml.Transforms.Categorical.OneHotEncoding(PaymentFeatures.Categorical.Select(c => new InputOutputColumnPair(c + "_onehot", c)).ToArray())
            .Append(ml.Transforms.Concatenate("Features", [.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical.Select(c => c + "_onehot")]))
            .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = "Gap", NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinimumLeafCount,
                LearningRate = LearningRate, NumberOfThreads = 1, Seed = seed,
            })).Fit(data);
        var fitted = Days(gap, data, rows);
        return new PaymentModels(ml, gap, PaymentErrorDistribution.FromErrors(rows.Select((r, i) => r.DaysToPay!.Value - fitted[i])));
    }

    /// <param name="openOn">Score invoices still open on this morning (conditioned on it); null: as at issue.</param>
    public PaymentPrediction[] Predict(IReadOnlyList<PaymentRow> rows, DateOnly? openOn = null, int lateNDays = 30)
    {
        if (rows.Count == 0) return [];
        var days = Days(_gap, Frame(rows), rows);
        return rows.Select((r, i) =>
        {
            var age = openOn is { } morning ? Math.Max(0, morning.DayNumber - r.Date.DayNumber) : 0;
            var terms = r.Feature("terms_days");
            return new PaymentPrediction(Errors.DaysToPay(days[i], age),
                Errors.ProbabilityLaterThan(days[i], age, terms), Errors.ProbabilityLaterThan(days[i], age, terms + lateNDays));
        }).ToArray();
    }

    private static float[] Days(ITransformer gap, IDataView data, IReadOnlyList<PaymentRow> rows)
    {
        var scores = gap.Transform(data).GetColumn<float>("Score").ToArray();
        return rows.Select((r, i) => Math.Max(0f, r.Anchor + scores[i])).ToArray();
    }

    /// <summary>Gain of each numeric feature in the trees; the one-hot categories are summed per column.</summary>
    public IReadOnlyDictionary<string, double> FeatureImportance()
    {
        if ((_gap as IEnumerable<ITransformer>)?.LastOrDefault() is not RegressionPredictionTransformer<FastTreeRegressionModelParameters> model)
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
        _ml.Model.Save(_gap, ((IDataView)Frame(sample.Take(1).ToList())).Schema, Path.Combine(folder, ModelFile));
        File.WriteAllLines(Path.Combine(folder, ErrorsFile), Errors.Quantiles.Select(q => q.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>Whether the folder holds a model this version can score with (older runs saved other models).</summary>
    public static bool CanLoad(string folder) => File.Exists(Path.Combine(folder, ModelFile)) && File.Exists(Path.Combine(folder, ErrorsFile));

    public static PaymentModels Load(string folder, int seed)
    {
        if (!CanLoad(folder))
            throw new InvalidOperationException($"the model in {folder} was saved by an older version of o2c: run o2c predict train");
        var ml = new MLContext(seed);
        return new PaymentModels(ml, ml.Model.Load(Path.Combine(folder, ModelFile), out _),
            new PaymentErrorDistribution(File.ReadLines(Path.Combine(folder, ErrorsFile)).Select(l => float.Parse(l, CultureInfo.InvariantCulture))));
    }

    private static DataFrame Frame(IReadOnlyList<PaymentRow> rows)
    {
        var columns = new List<DataFrameColumn>();
        for (var c = 0; c < PaymentFeatures.Numeric.Count; c++)
            columns.Add(new SingleDataFrameColumn(PaymentFeatures.Numeric[c], rows.Select(r => r.Numeric[c])));
        for (var c = 0; c < PaymentFeatures.Categorical.Count; c++)
            columns.Add(new StringDataFrameColumn(PaymentFeatures.Categorical[c], rows.Select(r => r.Categorical[c])));
        columns.Add(new SingleDataFrameColumn("Gap", rows.Select(r => (r.DaysToPay ?? r.Anchor) - r.Anchor)));
        return new DataFrame(columns);
    }
}
