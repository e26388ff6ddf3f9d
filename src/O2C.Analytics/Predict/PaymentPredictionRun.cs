using O2C.Analytics.Forecast;
using O2C.Analytics.Storage;
using System.Text.Json;

namespace O2C.Analytics.Predict;

/// <summary>What one `o2c predict train` did.</summary>
public sealed record PaymentRunResult(long RunId, PaymentModelMetrics Metrics, int OpenInvoicesScored, string ModelFolder,
    IReadOnlyDictionary<string, double> Importance, CashForecast Forecast);

/// <summary>
/// Trains and records a model run (data window, features, hyper-parameters, held-out metrics against the baseline,
/// feature importance, model files), then scores the invoices open on the as-of morning: expected payment date
/// (conditioned on still being open), probability late and N+ days late, value at risk (open amount x probability
/// late) with the reasons, each prediction naming its run; items the rules will not date get the reason instead.
/// Then makes and stores the 13-week cash forecast for the same morning.
/// </summary>
public sealed class PaymentPredictionRun(Warehouse warehouse, string modelsRoot, int seed = 42, int lateNDays = 30,
    NoPredictionRules? rules = null, SqlFolder? sql = null)
{
    private readonly NoPredictionRules _rules = rules ?? new NoPredictionRules();
    private readonly SqlFolder _sql = sql ?? SqlFolder.Default();

    /// <param name="maxTrainingRows">Learn from at most this many of the most recent paid invoices (the benchmark uses 1 million).</param>
    public PaymentRunResult TrainAndScore(DateOnly asOf, int? maxTrainingRows = null)
    {
        var (runId, metrics, models, folder, importance) = Train(asOf, maxTrainingRows);
        var (scored, forecast) = Score(models, runId, asOf);
        return new PaymentRunResult(runId, metrics, scored, folder, importance, forecast);
    }

    /// <summary>Trains, measures and records a model run (its files saved), without scoring.</summary>
    public (long RunId, PaymentModelMetrics Metrics, PaymentModels Models, string Folder, IReadOnlyDictionary<string, double> Importance) Train(
        DateOnly asOf, int? maxTrainingRows = null)
    {
        var (_, metrics, rows) = new PaymentModelTrainer(warehouse, seed).TrainAndMeasure(0.8, asOf, maxTrainingRows);
        // Measured on the split; the model that scores learns from every outcome known on the as-of morning.
        var known = PaymentModelTrainer.KnownBefore(rows, asOf);
        var models = PaymentModels.Train(known, seed);
        var runId = (warehouse.Scalar<long?>("SELECT max(run_id) FROM model_runs") ?? 0) + 1;
        var folder = Path.GetFullPath(Path.Combine(modelsRoot, $"run-{runId:0000}"));
        models.Save(folder, known);
        var importance = models.FeatureImportance();

        using (var transaction = warehouse.BeginTransaction())
        {
            warehouse.Execute("""
                INSERT INTO model_runs VALUES ($run, now()::TIMESTAMP, $seed, $n, $from, $split, $to, $train, $test, $features, $hyper, $metrics, $baseline, $importance, $folder)
                """,
                ("run", runId), ("seed", seed), ("n", lateNDays), ("from", known[0].Date), ("split", metrics.SplitDate), ("to", rows[^1].Date),
                ("train", metrics.TrainRows), ("test", metrics.TestRows),
                ("features", string.Join(",", [.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical])), ("hyper", PaymentModels.HyperParameters),
                ("metrics", JsonSerializer.Serialize(new
                {
                    mae_days = metrics.ModelMae, rmse_days = metrics.ModelRmse, auc_late = metrics.ModelAuc, brier_late = metrics.BrierScore,
                })),
                ("baseline", JsonSerializer.Serialize(new { mae_days = metrics.BaselineMae, rmse_days = metrics.BaselineRmse, auc_late = metrics.BaselineAuc, brier_late = metrics.BaselineBrierScore })),
                ("importance", JsonSerializer.Serialize(importance)), ("folder", folder));
            new Audit.AuditLog(warehouse).Record(Audit.AuditLog.ModelTrained,
                $"payment model run {runId} trained on {known.Count:N0} paid invoices ({known[0].Date:yyyy-MM-dd} to {known[^1].Date:yyyy-MM-dd}), held-out MAE {metrics.ModelMae:0.0} days vs baseline {metrics.BaselineMae:0.0}",
                new { run_id = runId, rows = known.Count, folder, seed });
            transaction.Commit();
        }
        return (runId, metrics, models, folder, importance);
    }

    /// <summary>Scores the open invoices with the latest recorded run's models (no retraining).</summary>
    public (long RunId, int Scored, CashForecast Forecast) ScoreWithLatestRun(DateOnly asOf)
    {
        var latest = LatestRun() ?? throw new InvalidOperationException("no model run recorded yet: run o2c predict train first");
        var (scored, forecast) = Score(PaymentModels.Load(latest.Folder, seed), latest.Id, asOf);
        return (latest.Id, scored, forecast);
    }

    /// <summary>
    /// The latest model's scores as of <paramref name="asOf"/> when they are stored (with the cash forecast of that date):
    /// what a refresh that changed nothing known as of that date keeps instead of scoring again.
    /// </summary>
    public (long RunId, int Scored)? Stored(DateOnly asOf)
    {
        if (LatestRun() is not { } latest) return null;
        // Their basis (prediction_basis): the definitions the derived tables are built from now, and no fact change
        // recorded since that reaches back to the date or has no date.
        var unchanged = warehouse.Scalar<bool>("""
            SELECT EXISTS (
                SELECT 1 FROM prediction_basis b
                WHERE b.run_id = $run AND b.as_of = $asof AND b.built_from = (SELECT max(built_from) FROM refresh_state) || $settings
                  AND NOT EXISTS (SELECT 1 FROM fact_changes c
                                  WHERE c.change_id > b.through_change AND (c.whole_history OR c.earliest_fact_date <= b.as_of)))
              AND EXISTS (SELECT 1 FROM cash_forecasts WHERE as_of = $asof)
            """, ("run", latest.Id), ("asof", asOf), ("settings", ScoringSettings));
        if (!unchanged) return null;
        var scored = warehouse.Scalar<long>("SELECT count(*) FROM payment_predictions WHERE run_id = $run AND as_of = $asof", ("run", latest.Id), ("asof", asOf));
        return (latest.Id, (int)scored);
    }

    /// <summary>What scores depend on besides the model and the facts: the late threshold and the no-prediction rules.</summary>
    private string ScoringSettings => $"; late {lateNDays}; {_rules}";

    /// <summary>Scores with the latest model, training one first when none can be used (a new warehouse, or models saved by an older version).</summary>
    public (long RunId, int Scored, bool Trained) ScoreOrTrainFirst(DateOnly asOf)
    {
        if (LatestRun() is not { } latest || !PaymentModels.CanLoad(latest.Folder))
        {
            var trained = TrainAndScore(asOf);
            return (trained.RunId, trained.OpenInvoicesScored, true);
        }
        var (runId, scored, _) = ScoreWithLatestRun(asOf);
        return (runId, scored, false);
    }

    private (long Id, string Folder)? LatestRun() =>
        warehouse.Query("SELECT run_id, model_folder FROM model_runs ORDER BY run_id DESC LIMIT 1",
            r => (r.GetInt64(0), r.GetString(1))).Cast<(long, string)?>().SingleOrDefault();

    private (int Scored, CashForecast Forecast) Score(PaymentModels models, long runId, DateOnly asOf)
    {
        var open = PaymentDataset.Open(warehouse, asOf);
        var silenced = _rules.Apply(warehouse, _sql, asOf);
        var predicted = models.Predict(open, openOn: asOf, lateNDays);
        using var transaction = warehouse.BeginTransaction();
        // The pack sets last month's forecast beside the cash that came in since. When none was stored (a first run),
        // it is made now as it was that morning, with this one: the forecaster reads only facts dated before its morning.
        var previousAsOf = asOf.AddMonths(-1);
        var previousMissing = warehouse.Scalar<long>("""
            SELECT count(*) FILTER (WHERE f.as_of IS NULL) FROM int_month_ends m LEFT JOIN cash_forecasts f ON f.as_of = m.month_end + 1
            WHERE m.month_end + 1 = $previous
            """, ("previous", previousAsOf)) > 0;
        var forecasts = new CashForecaster(warehouse, _sql).For(previousMissing ? [previousAsOf, asOf] : [asOf], keepItemsOf: [asOf]);
        var forecast = forecasts[^1];
        var previous = previousMissing ? forecasts[0] : null;
        warehouse.Execute("DELETE FROM payment_predictions WHERE run_id = $run AND as_of = $asof", ("run", runId), ("asof", asOf));
        using (var appender = warehouse.Connection.CreateAppender("payment_predictions"))
            for (var i = 0; i < open.Count; i++)
            {
                var row = open[i];
                var reason = silenced.GetValueOrDefault(row.DocumentId);
                var p = predicted[i];
                var appended = appender.CreateRow().AppendValue(runId).AppendValue(asOf).AppendValue(row.DocumentId).AppendValue(row.CustomerId)
                    .AppendValue(row.OpenAmountRc);
                appended = reason is null
                    ? appended.AppendValue(row.Date.AddDays((int)Math.Round(p.DaysToPay))).AppendValue(Math.Round((decimal)p.DaysToPay, 2))
                    : appended.AppendNullValue().AppendNullValue();
                appended.AppendValue(Math.Round((decimal)p.ProbabilityLate, 4)).AppendValue(Math.Round((decimal)p.ProbabilityLateN, 4))
                    .AppendValue(Math.Round(row.OpenAmountRc * (decimal)p.ProbabilityLate, 2)).AppendValue(row.Reasons()).AppendValue(reason).EndRow();
            }
        CashForecastStore.Save(warehouse, forecast);
        if (previous is not null) CashForecastStore.Save(warehouse, previous);
        // Built through the change the derived tables were last refreshed through (not the latest: a load since then
        // is not in what these scores read), from their definitions and these scoring settings.
        warehouse.Execute("""
            INSERT OR REPLACE INTO prediction_basis
            SELECT $run, $asof, coalesce((SELECT max(refreshed_through_change) FROM refresh_state), -1),
                   (SELECT max(built_from) FROM refresh_state) || $settings, now()::TIMESTAMP
            """, ("run", runId), ("asof", asOf), ("settings", ScoringSettings));
        new Audit.AuditLog(warehouse).Record(Audit.AuditLog.PredictionsScored,
            $"{open.Count:N0} open invoices scored as of {asOf:yyyy-MM-dd} with payment model run {runId} ({silenced.Count:N0} given no date by the rules)",
            new { run_id = runId, as_of = asOf, scored = open.Count, no_prediction = silenced.Count });
        transaction.Commit();
        return (open.Count, forecast);
    }
}
