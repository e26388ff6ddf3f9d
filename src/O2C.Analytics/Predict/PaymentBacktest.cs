using O2C.Analytics.Forecast;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Predict;

/// <summary>
/// The forward view judged as a treasurer would (`o2c predict backtest`): for each month-end cut-off, train only on
/// outcomes known that evening, date the invoices open then, and compare with when they were paid; score the
/// not-yet-due ones for paying late; forecast the next 13 weeks' cash; each beside the customer-median baseline.
/// Stored in backtest_runs and backtest_cut_offs.
/// </summary>
public sealed class PaymentBacktest(Warehouse warehouse, SqlFolder sql, NoPredictionRules rules, int seed = 42)
{
    public BacktestResult Run(IReadOnlyList<DateOnly> cutOffs, bool withTimeSplit = true)
    {
        var outcomes = PaymentDataset.Outcomes(warehouse);
        var cash = new CashForecaster(warehouse, sql).For(cutOffs.Select(c => c.AddDays(1)).ToList()).ToDictionary(f => f.AsOf);
        var results = cutOffs.Select(c => CutOff(c, outcomes, cash[c.AddDays(1)])).Where(c => c is not null).Select(c => c!).ToList();
        var split = withTimeSplit ? new PaymentModelTrainer(warehouse, seed).TrainIfEnough() : null;
        return Store(split, results);
    }

    private BacktestCutOff? CutOff(DateOnly cutOff, Dictionary<string, (float? DaysToPay, float? DaysLate, DateOnly DueDate)> outcomes, CashForecast cash)
    {
        var asOf = cutOff.AddDays(1);
        var train = PaymentDataset.KnownOn(warehouse, asOf);
        if (train.Count < PaymentModelTrainer.MinimumRows) return null;
        var models = PaymentModels.Train(train, seed);
        // The baseline as of the cut-off: each customer's median days to pay and share paid late so far.
        var known = train.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g =>
            (Median: Median(g.Select(r => r.DaysToPay!.Value)), LateShare: g.Average(r => r.DaysLate > 0 ? 1.0 : 0.0)));
        var open = PaymentDataset.Open(warehouse, asOf);
        var silenced = rules.Apply(warehouse, sql, asOf);
        var dated = open.Where(r => !silenced.ContainsKey(r.DocumentId)).ToList();
        var predicted = models.Predict(dated, openOn: asOf);
        var errors = new List<(double, double)>();
        var lateScores = new List<(double, double, bool)>();
        var unpaid = 0;
        for (var i = 0; i < dated.Count; i++)
        {
            var row = dated[i];
            var age = asOf.DayNumber - row.Date.DayNumber;
            var outcome = outcomes[row.DocumentId];
            var history = known.GetValueOrDefault(row.CustomerId);
            if (outcome.DaysToPay is not { } actual) { unpaid++; continue; }
            // Lateness is still open only for invoices not yet due on the morning (due after the evening).
            if (outcome.DueDate > cutOff)
                lateScores.Add((predicted[i].ProbabilityLate, history.Median is null ? 0 : history.LateShare, outcome.DaysLate > 0));
            var baseline = Math.Max(age, history.Median ?? row.Feature("terms_days"));
            errors.Add((Math.Abs(actual - predicted[i].DaysToPay), Math.Abs(actual - baseline)));
        }
        return new BacktestCutOff(cutOff, train.Count, open.Count, open.Count - dated.Count, unpaid, errors, lateScores, cash);
    }

    private static float? Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private BacktestResult Store(PaymentModelMetrics? split, IReadOnlyList<BacktestCutOff> cutOffs)
    {
        using var transaction = warehouse.BeginTransaction();
        var id = (warehouse.Scalar<long?>("SELECT max(backtest_id) FROM backtest_runs") ?? 0) + 1;
        warehouse.Execute("""
            INSERT INTO backtest_runs VALUES ($id, now()::TIMESTAMP, $seed, $hyper, $rules, $split, $train, $test, $mae, $bmae, $auc, $bauc, $brier, $bbrier)
            """, ("id", id), ("seed", seed), ("hyper", PaymentModels.HyperParameters), ("rules", rules.ToString()),
            ("split", split?.SplitDate), ("train", split?.TrainRows), ("test", split?.TestRows), ("mae", split?.ModelMae), ("bmae", split?.BaselineMae),
            ("auc", split?.ModelAuc), ("bauc", split?.BaselineAuc), ("brier", split?.BrierScore), ("bbrier", split?.BaselineBrierScore));
        foreach (var c in cutOffs)
            warehouse.Execute("""
                INSERT INTO backtest_cut_offs VALUES ($id, $cut, $train, $open, $silenced, $unpaid, $scored, $mae, $bmae, $late, $auc, $bauc, $brier, $bbrier,
                    $w4, $bw4, $w13, $bw13, $bias4, $t4, $t13)
                """, ("id", id), ("cut", c.CutOff), ("train", c.TrainRows), ("open", c.OpenItems), ("silenced", c.NoPredictionItems), ("unpaid", c.UnpaidItems),
                ("scored", c.DateErrors.Count), ("mae", c.Mae), ("bmae", c.BaselineMae), ("late", c.LateScores.Count), ("auc", c.LateAuc), ("bauc", c.BaselineLateAuc),
                ("brier", c.LateBrier), ("bbrier", c.BaselineLateBrier), ("w4", c.CashWape(4)), ("bw4", c.BaselineCashWape(4)), ("w13", c.CashWape(13)),
                ("bw13", c.BaselineCashWape(13)), ("bias4", c.Cash.Bias(4, w => w.OpenAr, w => w.ActualOpenAr)), ("t4", c.TotalCashWape(4)), ("t13", c.TotalCashWape(13)));
        new Audit.AuditLog(warehouse).Record(Audit.AuditLog.ModelTrained,
            $"backtest {id}: {cutOffs.Count} cut-offs{(cutOffs.Count > 0 ? $" {cutOffs[0].CutOff:yyyy-MM-dd} to {cutOffs[^1].CutOff:yyyy-MM-dd}" : "")}",
            new { backtest_id = id, cut_offs = cutOffs.Count, seed });
        transaction.Commit();
        return new BacktestResult(id, split, cutOffs);
    }
}
