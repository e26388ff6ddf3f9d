using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class PredictCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Forecast from this date, yyyy-MM-dd (default: the day after the latest closed month)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same model", DefaultValueFactory = _ => 42 };
        var models = new Option<string?>("--models") { Description = "Folder for model files (default: models/ beside the warehouse, where o2c run and the scheduler keep them)" };
        var lateDays = new Option<int>("--late-days") { Description = "The second classifier predicts payment more than this many days late", DefaultValueFactory = _ => 30 };
        var train = new Command("train", "Train on paid invoices (time split), record the run, score open invoices, print the 13-week forecast") { asOf, seed, models, lateDays };
        train.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = Ready(CommonOptions.OpenWarehouse(parse, settings));
            var date = AsOf(parse.GetValue(asOf), warehouse);
            var run = Progress.Status("Training", _ => new PaymentPredictionRun(warehouse, parse.GetValue(models) ?? CommonOptions.Steps(parse, settings).Paths.PaymentModels, parse.GetValue(seed), parse.GetValue(lateDays)).TrainAndScore(date));
            var m = run.Metrics;
            AnsiConsole.MarkupLineInterpolated($"run {run.RunId}: trained on {m.TrainRows:N0} invoices before {m.SplitDate:yyyy-MM-dd}, tested on {m.TestRows:N0} after.");
            AnsiConsole.MarkupLineInterpolated($"days to pay MAE {m.ModelMae:0.00} (baseline {m.BaselineMae:0.00}, {m.MaeGain:P1} better), RMSE {m.ModelRmse:0.00} (baseline {m.BaselineRmse:0.00}); late AUC {m.ModelAuc:0.000} (baseline {m.BaselineAuc:0.000}).");
            AnsiConsole.MarkupLineInterpolated($"late classifier Brier score {m.BrierScore:0.000}; calibration (predicted -> observed late): {string.Join(", ", m.Calibration.Select(c => $"{c.MeanPredicted:P0}->{c.ObservedShare:P0}"))}");
            AnsiConsole.MarkupLineInterpolated($"{run.OpenInvoicesScored:N0} open invoices scored into payment_predictions; models in {run.ModelFolder}");
            var table = new Table().Title($"13-week cash forecast from {date:yyyy-MM-dd}").AddColumn("week").AddColumn("from")
                .AddColumn(new TableColumn("expected").RightAligned()).AddColumn(new TableColumn("band").RightAligned());
            foreach (var f in run.Forecast)
                table.AddRow(f.Week.ToString(CultureInfo.InvariantCulture), f.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    f.Expected.ToString("N0", CultureInfo.InvariantCulture), $"{f.Low.ToString("N0", CultureInfo.InvariantCulture)} - {f.High.ToString("N0", CultureInfo.InvariantCulture)}");
            AnsiConsole.Write(table);
            return 0;
        });
        var score = new Command("score", "Score the open invoices with the latest recorded model (no retraining)") { asOf, seed };
        score.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = Ready(CommonOptions.OpenWarehouse(parse, settings));
            var (runId, scored, _) = new PaymentPredictionRun(warehouse, CommonOptions.Steps(parse, settings).Paths.PaymentModels, parse.GetValue(seed)).ScoreWithLatestRun(AsOf(parse.GetValue(asOf), warehouse));
            AnsiConsole.MarkupLineInterpolated($"{scored:N0} open invoices scored with model run {runId} into payment_predictions.");
            return 0;
        });
        var top = new Option<int>("--top") { Description = "How many invoices", DefaultValueFactory = _ => 25 };
        var worklist = new Command("worklist", "The collection worklist: open invoices by value at risk (open amount x probability late), with reasons") { top };
        worklist.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            // The pack's worklist query, for the newest forecast date scored.
            var asOf = warehouse.Scalar<DateOnly?>("SELECT max(as_of) FROM payment_predictions");
            var worklist = asOf is null ? ReportTable.Empty(ForecastWorklistSheet.WorklistColumns)
                : ReportQuery.Run(warehouse, SqlFolder.Default(), "worklist.sql", ForecastWorklistSheet.WorklistColumns, ("as_of", asOf.Value), ("top", parse.GetValue(top)));
            string Text(int row, string field) => Convert.ToString(worklist.Value(row, field), CultureInfo.InvariantCulture) ?? "";
            string Number(int row, string field, string format) => Convert.ToDecimal(worklist.Value(row, field), CultureInfo.InvariantCulture).ToString(format, CultureInfo.InvariantCulture);
            var table = new Table().Title($"collection worklist{(asOf is null ? "" : $" as of {asOf:yyyy-MM-dd}")}").AddColumn("invoice").AddColumn("customer").AddColumn(new TableColumn("open").RightAligned())
                .AddColumn("expected").AddColumn(new TableColumn("p(late)").RightAligned()).AddColumn(new TableColumn("at risk").RightAligned()).AddColumn("why");
            for (var i = 0; i < worklist.Rows.Count; i++)
                table.AddRow(Markup.Escape(Text(i, "document_id")), Markup.Escape(Text(i, "customer_name")), Number(i, "open_amount_rc", "N0"),
                    worklist.Value(i, "expected_pay_date") switch { DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _ => "" },
                    Number(i, "probability_late", "P0"), Number(i, "value_at_risk", "N0"), Markup.Escape(Text(i, "reasons")));
            AnsiConsole.Write(table);
            return 0;
        });
        var months = new Option<int>("--months") { Description = "How many past month ends to replay", DefaultValueFactory = _ => 6 };
        var backtest = new Command("backtest", "Replay the 4-week forecast from past month ends against the cash actually received (WAPE)") { months, seed };
        backtest.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = Ready(CommonOptions.OpenWarehouse(parse, settings));
            // The last month ends with four weeks of actuals after them.
            var last = warehouse.Scalar<DateOnly>("SELECT max(application_date) FROM applications");
            var ends = warehouse.Query("SELECT month_end FROM int_month_ends WHERE month_end + 28 <= $last ORDER BY month_end DESC LIMIT $n",
                r => r.GetFieldValue<DateOnly>(0), ("last", last), ("n", parse.GetValue(months))).Order().ToList();
            var results = Progress.Status("Backtesting", _ => new PaymentPredictionRun(warehouse, CommonOptions.Steps(parse, O2cSettings.Load()).Paths.PaymentModels, parse.GetValue(seed)).Backtest(ends));
            var table = new Table().Title("4-week forecast error (WAPE)").AddColumn("month end").AddColumn(new TableColumn("model").RightAligned()).AddColumn(new TableColumn("baseline").RightAligned());
            foreach (var (end, model, baseline) in results)
                table.AddRow(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), model.ToString("P1", CultureInfo.InvariantCulture), baseline.ToString("P1", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("predict", "Payment predictions: when open invoices will be paid, a 13-week cash forecast, a risk-ranked worklist") { train, score, backtest, worklist };
    }

    /// <summary>A warehouse refreshed by an older o2c lacks the features model: rebuild the models first.</summary>
    private static Warehouse Ready(Warehouse warehouse)
    {
        if (!warehouse.TableExists("fct_invoice_payment_features"))
            O2C.Analytics.SqlModels.ModelBuilder.Build(warehouse, SqlFolder.Default());
        return warehouse;
    }

    private static DateOnly AsOf(string? text, Warehouse warehouse) =>
        text is not null
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today)).End.AddDays(1);
}
