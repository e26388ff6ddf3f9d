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
    public void Train_records_the_run_scores_open_invoices_gives_no_date_past_the_rules_forecasts_13_weeks_and_backtests()
    {
        using var w = new TempWarehouse();
        var history = Path.Combine(w.Folder, "history");
        O2C.Analytics.Generate.SampleGenerator.Run(new O2C.Analytics.Generate.GeneratorOptions(300, 36, 42, history, O2C.Analytics.Generate.GeneratorOptions.DefaultFirstMonth, BankFeed: false));
        new CanonicalLoader(w.Warehouse).LoadFolder(history);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        var asOf = new DateOnly(2026, 11, 1);
        var run = new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models")).TrainAndScore(asOf);

        // The run is recorded with its window, metrics and model files; every prediction names it.
        Assert.Equal(1, run.RunId);
        Assert.Equal(1, w.Count("model_runs"));
        Assert.True(PaymentModels.CanLoad(run.ModelFolder));
        var open = w.Warehouse.Scalar<long>("SELECT count(*) FROM fct_ar_snapshot_monthly WHERE month_end = DATE '2026-10-31' AND document_type = 'invoice' AND open_amount > 0");
        Assert.Equal(open, run.OpenInvoicesScored);
        Assert.Equal(open, w.Warehouse.Scalar<long>("SELECT count(*) FROM payment_predictions WHERE run_id = 1"));
        Assert.Equal(0, w.Warehouse.Scalar<long>("SELECT count(*) FROM payment_predictions WHERE expected_pay_date < as_of OR probability_late NOT BETWEEN 0 AND 1"));
        // No invoice more than 90 days past due (the default rule) gets a date; each says why instead.
        const string PastDue = "FROM payment_predictions p JOIN stg_documents d USING (document_id) WHERE p.as_of - 1 - d.due_date > 90";
        Assert.True(w.Warehouse.Scalar<long>($"SELECT count(*) {PastDue}") > 0);
        Assert.Equal(0, w.Warehouse.Scalar<long>($"SELECT count(*) {PastDue} AND (p.expected_pay_date IS NOT NULL OR p.no_prediction_reason <> 'over 90 days past due')"));
        Assert.Equal(0, w.Warehouse.Scalar<long>("SELECT count(*) FROM payment_predictions WHERE (expected_pay_date IS NULL) <> (no_prediction_reason IS NOT NULL)"));
        Assert.NotEmpty(w.Warehouse.Scalar<string>("SELECT reasons FROM payment_predictions ORDER BY value_at_risk DESC LIMIT 1")!);

        // The forecast: open AR on the morning = weeks 1-13 + weeks 14-26 + the allowance, to the cent of rounding;
        // 13 weeks never promise more than the open AR plus the billing expected; the band is positive.
        var forecast = run.Forecast;
        var openAr = w.Warehouse.Scalar<decimal>("SELECT sum(open_amount_rc) FROM fct_ar_snapshot_monthly WHERE month_end = DATE '2026-10-31' AND document_type <> 'credit_memo' AND open_amount > 0");
        Assert.InRange(forecast.OpenAr, openAr - 1, openAr + 1);
        Assert.InRange(forecast.ExpectedFromOpenAr + forecast.ExpectedWeeks14To26 + forecast.Allowance, forecast.OpenAr - 1, forecast.OpenAr + 1);
        Assert.True(forecast.Allowance > 0);
        Assert.True(forecast.Expected <= forecast.OpenAr + forecast.BillingNext13Weeks);
        Assert.Equal(13, forecast.Weeks.Count);
        Assert.All(forecast.Weeks, f => Assert.True(f.Expected > 0 && f.Low > 0 && f.Low <= f.High, $"week {f.Week}: {f.Low:N0} {f.Expected:N0} {f.High:N0}"));
        Assert.Equal(13, w.Warehouse.Scalar<long>("SELECT count(*) FROM cash_forecast_weeks WHERE as_of = DATE '2026-11-01'"));
        Assert.Equal(forecast.Allowance, w.Warehouse.Scalar<decimal>("SELECT sum(allowance_rc) FROM cash_forecast_items WHERE as_of = DATE '2026-11-01'"), 0);

        // Scoring again from the saved model files gives the same predictions.
        var before = w.Warehouse.Query("SELECT document_id || coalesce(predicted_days_to_pay::VARCHAR, '-') || probability_late FROM payment_predictions ORDER BY 1", r => r.GetString(0));
        var rescored = new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models")).ScoreWithLatestRun(asOf);
        Assert.Equal((1L, (int)open), (rescored.RunId, rescored.Scored));
        Assert.Equal(before, w.Warehouse.Query("SELECT document_id || coalesce(predicted_days_to_pay::VARCHAR, '-') || probability_late FROM payment_predictions ORDER BY 1", r => r.GetString(0)));
        Console.WriteLine($"run: {run.Metrics}; importance: {string.Join(", ", run.Importance.Take(5).Select(p => $"{p.Key} {p.Value:P0}"))}");

        // A backtest of two month ends is stored with its figures beside the baseline's.
        var backtest = new PaymentBacktest(w.Warehouse, SqlFolder.Default(), new NoPredictionRules()).Run([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)], withTimeSplit: false);
        Assert.Equal(2, w.Warehouse.Scalar<long>("SELECT count(*) FROM backtest_cut_offs WHERE backtest_id = $id", ("id", backtest.BacktestId)));
        Assert.All(backtest.CutOffs, c => Assert.True(c.Mae > 0 && c.BaselineMae > 0 && c.CashWape(4) is > 0 and < 1, $"{c.CutOff}: {c.Mae} {c.BaselineMae} {c.CashWape(4)}"));
        Assert.Equal(backtest.CutOffs[0].Mae, w.Warehouse.Scalar<double?>("SELECT mae_days FROM backtest_cut_offs WHERE cut_off = DATE '2026-08-31'"));
    }

    /// <summary>
    /// A refresh keeps a month's scores while nothing known by their date changed (issue 22's incremental day): a
    /// receipt dated after the scores' as-of date leaves them, one dated before it makes them stale.
    /// </summary>
    [Fact]
    public void Stored_scores_stand_until_a_fact_dated_on_or_before_their_date_changes()
    {
        using var w = new TempWarehouse();
        var history = Path.Combine(w.Folder, "history");
        O2C.Analytics.Generate.SampleGenerator.Run(new O2C.Analytics.Generate.GeneratorOptions(120, 24, 5, history, new DateOnly(2024, 11, 1)));
        new CanonicalLoader(w.Warehouse).LoadFolder(history);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        var asOf = new DateOnly(2026, 11, 1);
        var run = new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models"));
        var scored = run.TrainAndScore(asOf);
        Assert.Equal((scored.RunId, scored.OpenInvoicesScored), run.Stored(asOf));

        var customer = w.Warehouse.Scalar<string>("SELECT min(customer_id) FROM customers")!;
        void ReceiptDated(string id, string date)
        {
            var folder = Directory.CreateDirectory(Path.Combine(w.Folder, id)).FullName;
            File.WriteAllText(Path.Combine(folder, $"receipts-{id}.csv"),
                $"{CanonicalFiles.Receipts}\n{id},{customer},{date},{date},10.00,USD,wire,{id},\n");
            new CanonicalLoader(w.Warehouse).LoadFolder(folder);
            WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        }
        // 5 November, after the scores' 1 November: what they knew is unchanged.
        ReceiptDated("R-DAY1", "2026-11-05");
        Assert.Equal((scored.RunId, scored.OpenInvoicesScored), run.Stored(asOf));
        // 1 November itself: the scores could have seen it; they are scored again.
        ReceiptDated("R-DAY2", "2026-11-01");
        Assert.Null(run.Stored(asOf));
        run.ScoreWithLatestRun(asOf);
        Assert.Equal((scored.RunId, scored.OpenInvoicesScored), run.Stored(asOf));
        // Other scoring settings (a late threshold of 45 days) are not these scores.
        Assert.Null(new PaymentPredictionRun(w.Warehouse, Path.Combine(w.Folder, "payment-models"), lateNDays: 45).Stored(asOf));

        // Found in review: scores made between a load and its refresh read the tables as they were before the load.
        // Their basis is the change the tables were refreshed through, so the refresh after them scores again.
        var folder = Directory.CreateDirectory(Path.Combine(w.Folder, "R-DAY3")).FullName;
        File.WriteAllText(Path.Combine(folder, "receipts-R-DAY3.csv"), $"{CanonicalFiles.Receipts}\nR-DAY3,{customer},2026-10-15,2026-10-15,10.00,USD,wire,R-DAY3,\n");
        new CanonicalLoader(w.Warehouse).LoadFolder(folder);
        run.ScoreWithLatestRun(asOf);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        Assert.Null(run.Stored(asOf));
    }
}
