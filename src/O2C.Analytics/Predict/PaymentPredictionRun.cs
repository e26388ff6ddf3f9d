using O2C.Analytics.Storage;
using System.Globalization;
using System.Text.Json;

namespace O2C.Analytics.Predict;

/// <summary>What one `o2c predict train` did.</summary>
public sealed record PaymentRunResult(long RunId, PaymentModelMetrics Metrics, int OpenInvoicesScored, string ModelFolder,
    IReadOnlyDictionary<string, double> Importance, IReadOnlyList<WeeklyForecast> Forecast);

/// <summary>
/// Trains and records a model run (data window, features, hyper-parameters, held-out metrics against the baseline,
/// feature importance, model files), then scores the open invoices: expected payment date, probability late and 30+
/// days late, value at risk (open amount x probability late) with the reasons, each prediction naming its run.
/// </summary>
public sealed class PaymentPredictionRun(Warehouse warehouse, string modelsRoot, int seed = 42, int lateNDays = 30)
{
    /// <param name="maxTrainingRows">Learn from at most this many of the most recent paid invoices (the benchmark uses 1 million).</param>
    public PaymentRunResult TrainAndScore(DateOnly asOf, int? maxTrainingRows = null)
    {
        var (_, metrics, rows, errors) = new PaymentModelTrainer(warehouse, seed).TrainAndMeasure(0.8, asOf, maxTrainingRows);
        // Measured on the split; the model that scores learns from every paid invoice.
        var models = PaymentModels.Train(rows, seed, lateNDays);
        var runId = (warehouse.Scalar<long?>("SELECT max(run_id) FROM model_runs") ?? 0) + 1;
        var folder = Path.GetFullPath(Path.Combine(modelsRoot, $"run-{runId:0000}"));
        models.Save(folder, rows);
        var importance = models.FeatureImportance();

        using (var transaction = warehouse.BeginTransaction())
        {
            warehouse.Execute("""
                INSERT INTO model_runs VALUES ($run, now()::TIMESTAMP, $seed, $n, $from, $split, $to, $train, $test, $features, $hyper, $metrics, $baseline, $importance, $folder)
                """,
                ("run", runId), ("seed", seed), ("n", lateNDays), ("from", rows[0].Date), ("split", metrics.SplitDate), ("to", rows[^1].Date),
                ("train", metrics.TrainRows), ("test", metrics.TestRows),
                ("features", string.Join(",", [.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical])), ("hyper", PaymentModels.HyperParameters),
                ("metrics", JsonSerializer.Serialize(new { mae_days = metrics.ModelMae, rmse_days = metrics.ModelRmse, auc_late = metrics.ModelAuc, error_p10 = errors.P10, error_p90 = errors.P90 })),
                ("baseline", JsonSerializer.Serialize(new { mae_days = metrics.BaselineMae, rmse_days = metrics.BaselineRmse, auc_late = metrics.BaselineAuc })),
                ("importance", JsonSerializer.Serialize(importance)), ("folder", folder));
            new Audit.AuditLog(warehouse).Record(Audit.AuditLog.ModelTrained,
                $"payment model run {runId} trained on {rows.Count:N0} paid invoices ({rows[0].Date:yyyy-MM-dd} to {rows[^1].Date:yyyy-MM-dd}), held-out MAE {metrics.ModelMae:0.0} days vs baseline {metrics.BaselineMae:0.0}",
                new { run_id = runId, rows = rows.Count, folder, seed });
            transaction.Commit();
        }
        var (scored, forecast) = Score(models, runId, asOf, errors);
        return new PaymentRunResult(runId, metrics, scored, folder, importance, forecast);
    }

    /// <summary>Scores the open invoices with the latest recorded run's models (no retraining).</summary>
    public (long RunId, int Scored, IReadOnlyList<WeeklyForecast> Forecast) ScoreWithLatestRun(DateOnly asOf)
    {
        var latest = warehouse.Query("SELECT run_id, model_folder, metrics FROM model_runs ORDER BY run_id DESC LIMIT 1",
            r => (Id: r.GetInt64(0), Folder: r.GetString(1), Metrics: r.GetString(2))).SingleOrDefault();
        if (latest.Folder is null) throw new InvalidOperationException("no model run recorded yet: run o2c predict train first");
        var (scored, forecast) = Score(PaymentModels.Load(latest.Folder, seed), latest.Id, asOf, ErrorBand(latest.Metrics));
        return (latest.Id, scored, forecast);
    }

    /// <summary>Scores with the latest model, training one first when none has been recorded (a new warehouse).</summary>
    public (long RunId, int Scored, bool Trained) ScoreOrTrainFirst(DateOnly asOf)
    {
        if (warehouse.Scalar<long>("SELECT count(*) FROM model_runs") == 0)
        {
            var trained = TrainAndScore(asOf);
            return (trained.RunId, trained.OpenInvoicesScored, true);
        }
        var (runId, scored, _) = ScoreWithLatestRun(asOf);
        return (runId, scored, false);
    }

    /// <summary>The held-out error percentiles a run recorded in model_runs.metrics, for the forecast band.</summary>
    public static (double P10, double P90) ErrorBand(string metricsJson)
    {
        using var metrics = JsonDocument.Parse(metricsJson);
        return (metrics.RootElement.GetProperty("error_p10").GetDouble(), metrics.RootElement.GetProperty("error_p90").GetDouble());
    }

    private (int Scored, IReadOnlyList<WeeklyForecast> Forecast) Score(PaymentModels models, long runId, DateOnly asOf, (double P10, double P90) errors)
    {
        var open = PaymentDataset.Open(warehouse, asOf);
        var (days, late, late30) = open.Count > 0 ? models.Predict(open) : ([], [], []);
        var forecastItems = new List<(decimal, DateOnly)>();
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DELETE FROM payment_predictions WHERE run_id = $run AND as_of = $asof", ("run", runId), ("asof", asOf));
        using (var appender = warehouse.Connection.CreateAppender("payment_predictions"))
            for (var i = 0; i < open.Count; i++)
            {
                var row = open[i];
                var expected = PaymentForecast.ExpectedDate(row.Date, days[i], asOf);
                forecastItems.Add((row.OpenAmountRc, expected));
                appender.CreateRow().AppendValue(runId).AppendValue(asOf).AppendValue(row.DocumentId).AppendValue(row.CustomerId)
                    .AppendValue(row.OpenAmountRc).AppendValue(expected).AppendValue(Math.Round((decimal)days[i], 2))
                    .AppendValue(Math.Round((decimal)late[i], 4)).AppendValue(Math.Round((decimal)late30[i], 4))
                    .AppendValue(Math.Round(row.OpenAmountRc * (decimal)late[i], 2)).AppendValue(row.Reasons()).EndRow();
            }
        new Audit.AuditLog(warehouse).Record(Audit.AuditLog.PredictionsScored,
            $"{open.Count:N0} open invoices scored as of {asOf:yyyy-MM-dd} with payment model run {runId}",
            new { run_id = runId, as_of = asOf, scored = open.Count });
        transaction.Commit();
        return (open.Count, PaymentForecast.Weekly(forecastItems, asOf, errors.P10, errors.P90));
    }

    /// <summary>
    /// Replays the forecast from past month ends: train on what was paid by then, forecast the next 4 weeks of receipts
    /// on the invoices open then, compare with the cash actually applied to them in each week (WAPE), for the model
    /// and for the baseline (customer's mean days to pay).
    /// </summary>
    public IReadOnlyList<(DateOnly MonthEnd, double ModelWape, double BaselineWape)> Backtest(IReadOnlyList<DateOnly> monthEnds)
    {
        var results = new List<(DateOnly, double, double)>();
        foreach (var monthEnd in monthEnds)
        {
            var asOf = monthEnd.AddDays(1);
            var settled = PaymentDataset.Settled(warehouse, asOf);
            var open = PaymentDataset.Open(warehouse, asOf);
            if (settled.Count < 50 || open.Count == 0) continue;
            var (days, _, _) = PaymentModels.Train(settled, seed).Predict(open);
            var actual = warehouse.Query($"""
                SELECT a.document_id, a.application_date, a.amount_rc FROM fct_payment_applications a
                WHERE a.application_date >= $asof AND a.application_date < $end
                """, r => (Id: r.GetString(0), Date: r.GetFieldValue<DateOnly>(1), Amount: r.IsDBNull(2) ? 0m : r.GetDecimal(2)),
                ("asof", asOf), ("end", asOf.AddDays(28)));
            var openIds = open.Select(o => o.DocumentId).ToHashSet();
            var actualWeeks = new decimal[4];
            foreach (var a in actual.Where(a => openIds.Contains(a.Id))) actualWeeks[(a.Date.DayNumber - asOf.DayNumber) / 7] += a.Amount;
            decimal[] Weeks(Func<int, float> daysToPay) => PaymentForecast.Weekly(
                open.Select((o, i) => (o.OpenAmountRc, PaymentForecast.ExpectedDate(o.Date, daysToPay(i), asOf))).ToList(), asOf, 0, 0, weeks: 4)
                .Select(w => w.Expected).ToArray();
            results.Add((monthEnd, PaymentForecast.Wape(Weeks(i => days[i]), actualWeeks), PaymentForecast.Wape(Weeks(i => open[i].BaselineDaysToPay), actualWeeks)));
        }
        return results;
    }
}
