using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Predict;

public class PaymentPredictionRunTests
{
    /// <summary>
    /// The run's mechanics, on a history generated like the sample's but of 300 customers (the model's quality on
    /// the whole sample is PaymentModelTests' concern): this keeps the suite's time down.
    /// </summary>
    [Fact]
    public void Train_records_the_run_scores_open_invoices_forecasts_13_weeks_and_backtests()
    {
        using var w = new TempWarehouse();
        var history = Path.Combine(w.Folder, "history");
        O2C.Analytics.Generate.SampleGenerator.Run(new O2C.Analytics.Generate.GeneratorOptions(300, 36, 42, history, O2C.Analytics.Generate.GeneratorOptions.DefaultFirstMonth));
        new CanonicalLoader(w.Warehouse).LoadFolder(history);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        var asOf = new DateOnly(2026, 11, 1);
        var run = new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models")).TrainAndScore(asOf);

        // The run is recorded with its window, metrics and model files; every prediction names it.
        Assert.Equal(1, run.RunId);
        Assert.Equal(1, w.Count("model_runs"));
        Assert.True(File.Exists(Path.Combine(run.ModelFolder, "days_to_pay.zip")));
        var open = w.Warehouse.Scalar<long>("SELECT count(*) FROM fct_ar_snapshot_monthly WHERE month_end = DATE '2026-10-31' AND document_type = 'invoice' AND open_amount > 0");
        Assert.Equal(open, run.OpenInvoicesScored);
        Assert.Equal(open, w.Warehouse.Scalar<long>("SELECT count(*) FROM payment_predictions WHERE run_id = 1"));
        Assert.Equal(0, w.Warehouse.Scalar<long>("SELECT count(*) FROM payment_predictions WHERE expected_pay_date < as_of OR probability_late NOT BETWEEN 0 AND 1"));
        // Open AR at 31 October equals the amounts the forecast spreads (all of it, or the part beyond 13 weeks).
        var openAr = w.Warehouse.Scalar<decimal>("SELECT sum(open_amount_rc) FROM payment_predictions");
        Assert.True(run.Forecast.Sum(f => f.Expected) <= openAr);
        Assert.Equal(13, run.Forecast.Count);
        Assert.All(run.Forecast, f => Assert.True(f.Low <= f.Expected && f.Expected <= f.High));
        Assert.NotEmpty(w.Warehouse.Scalar<string>("SELECT reasons FROM payment_predictions ORDER BY value_at_risk DESC LIMIT 1")!);

        // Scoring again from the saved model files gives the same predictions.
        var before = w.Warehouse.Query("SELECT document_id || predicted_days_to_pay || probability_late FROM payment_predictions ORDER BY 1", r => r.GetString(0));
        var rescored = new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models")).ScoreWithLatestRun(asOf);
        Assert.Equal((1L, (int)open), (rescored.RunId, rescored.Scored));
        Assert.Equal(before, w.Warehouse.Query("SELECT document_id || predicted_days_to_pay || probability_late FROM payment_predictions ORDER BY 1", r => r.GetString(0)));

        var backtest = new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models"))
            .Backtest([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)]); // the CLI replays the last six month ends
        Console.WriteLine("backtest WAPE (model / baseline): " + string.Join("; ", backtest.Select(b => $"{b.MonthEnd:yyyy-MM} {b.ModelWape:P1} / {b.BaselineWape:P1}")));
        Console.WriteLine($"run: {run.Metrics}; importance: {string.Join(", ", run.Importance.Take(5).Select(p => $"{p.Key} {p.Value:P0}"))}");
        Console.WriteLine("forecast: " + string.Join("; ", run.Forecast.Select(f => $"w{f.Week} {f.Expected:N0} [{f.Low:N0}-{f.High:N0}]")));
        Assert.Equal(2, backtest.Count);
        Assert.All(backtest, b => Assert.InRange(b.ModelWape, 0, 1.5));
    }
}
