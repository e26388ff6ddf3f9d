using O2C.Analytics.Storage;
namespace O2C.Analytics.Predict;

/// <summary>The 13-week cash forecast rebuilt from the predictions stored for a day, with the run that made them.</summary>
public sealed record StoredForecast(long RunId, DateOnly AsOf, DateTime TrainedAt, int OpenInvoices, IReadOnlyList<WeeklyForecast> Weeks)
{
    /// <summary>The forecast from the latest run's predictions as of <paramref name="asOf"/>, or null when none were made.</summary>
    public static StoredForecast? Read(Warehouse warehouse, DateOnly asOf)
    {
        var run = warehouse.Query("""
            SELECT r.run_id, r.trained_at, r.metrics FROM model_runs r
            WHERE r.run_id = (SELECT max(run_id) FROM payment_predictions WHERE as_of = $asof)
            """, r => (Id: r.GetInt64(0), TrainedAt: r.GetDateTime(1), Metrics: r.GetString(2)), ("asof", asOf)).SingleOrDefault();
        if (run.Metrics is null) return null;
        var items = warehouse.Query("SELECT open_amount_rc, expected_pay_date FROM payment_predictions WHERE run_id = $run AND as_of = $asof",
            r => (r.GetDecimal(0), r.GetFieldValue<DateOnly>(1)), ("run", run.Id), ("asof", asOf));
        var (p10, p90) = PaymentPredictionRun.ErrorBand(run.Metrics);
        var weeks = PaymentForecast.Weekly(items, asOf, p10, p90);
        return new StoredForecast(run.Id, asOf, run.TrainedAt, items.Count, weeks);
    }
}
