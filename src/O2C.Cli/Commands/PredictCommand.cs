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
            var run = Progress.Status("Training", _ => new PaymentPredictionRun(warehouse, parse.GetValue(models) ?? CommonOptions.Steps(parse, settings).Paths.PaymentModels,
                parse.GetValue(seed), parse.GetValue(lateDays), settings.NoPrediction).TrainAndScore(date));
            var m = run.Metrics;
            AnsiConsole.MarkupLineInterpolated($"run {run.RunId}: trained on {m.TrainRows:N0} invoices paid before {m.SplitDate:yyyy-MM-dd}, tested on the {m.TestRows:N0} issued from then and paid ({m.TestWindowUnpaid:N0} more issued then are not paid by cash: not scored).");
            AnsiConsole.MarkupLineInterpolated($"days to pay MAE {m.ModelMae:0.00} (customer median {m.BaselineMae:0.00}, {m.MaeGain:P1} better), RMSE {m.ModelRmse:0.00} ({m.BaselineRmse:0.00}); late AUC {m.ModelAuc:0.000} ({m.BaselineAuc:0.000}), Brier {m.BrierScore:0.000} ({m.BaselineBrierScore:0.000}).");
            AnsiConsole.MarkupLineInterpolated($"late calibration (predicted -> observed): {string.Join(", ", m.Calibration.Select(c => $"{c.MeanPredicted:P0}->{c.ObservedShare:P0}"))}");
            AnsiConsole.MarkupLineInterpolated($"{run.OpenInvoicesScored:N0} open invoices scored into payment_predictions; models in {run.ModelFolder}");
            ForecastTable(run.Forecast);
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
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"--top must be 1 or more (got {result.GetValueOrDefault<int>()})");
        });
        var collector = new Option<string?>("--collector") { Description = "Only this collector's customers (as in customers.collector)" };
        var worklistFormat = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        worklistFormat.AcceptOnlyFromAmong("table", "csv", "json");
        var worklist = new Command("worklist", "The collection worklist as of the latest scoring: where a collector can save most (due date, days past due, next step, reason codes, expected loss, value at risk); codes in docs/forecast.md") { top, collector, worklistFormat };
        worklist.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var who = parse.GetValue(collector);
            if (who is not null && warehouse.Query("SELECT DISTINCT collector FROM stg_customers WHERE collector IS NOT NULL ORDER BY 1", r => r.GetString(0)) is var collectors && !collectors.Contains(who))
                throw new ArgumentException($"no collector '{who}'; the collectors are {string.Join(", ", collectors)}");
            // The pack's worklist query, for the newest forecast date scored.
            var asOf = warehouse.Scalar<DateOnly?>("SELECT max(as_of) FROM payment_predictions");
            var rows = asOf is null ? ReportTable.Empty(ForecastWorklistSheet.WorklistColumns)
                : ReportQuery.Run(warehouse, SqlFolder.Default(), "worklist.sql", ForecastWorklistSheet.WorklistColumns, ("as_of", asOf.Value), ("top", parse.GetValue(top)), ("collector", who));
            CollectionWorklistOutput.Write(rows, asOf, parse.GetValue(worklistFormat)!);
            return 0;
        });
        var months = new Option<int>("--months") { Description = "How many month-end cut-offs to replay (the latest ones with 4 weeks of outcomes after them)", DefaultValueFactory = _ => 12 };
        months.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 120) result.AddError($"--months must be 1 to 120 (got {result.GetValueOrDefault<int>()})");
        });
        var backtest = new Command("backtest", "Replay the forward view from past month ends: pay dates of open invoices, late scores and the cash forecast against what happened, beside the customer-median baseline; stored in backtest_runs") { months, seed };
        backtest.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = Ready(CommonOptions.OpenWarehouse(parse, settings));
            var last = warehouse.Scalar<DateOnly?>("SELECT max(application_date) FROM applications");
            if (last is null) { AnsiConsole.MarkupLine("[red]no cash applications in the warehouse: nothing to backtest[/]"); return 1; }
            var ends = warehouse.Query("SELECT month_end FROM int_month_ends WHERE month_end + 28 <= $last ORDER BY month_end DESC LIMIT $n",
                r => r.GetFieldValue<DateOnly>(0), ("last", last.Value), ("n", parse.GetValue(months))).Order().ToList();
            var result = Progress.Status("Backtesting", _ => new PaymentBacktest(warehouse, SqlFolder.Default(), settings.NoPrediction, parse.GetValue(seed)).Run(ends));
            BacktestReport.Write(result);
            return 0;
        });
        return new Command("predict", "Payment predictions: when open invoices will be paid, a 13-week cash forecast, a risk-ranked worklist") { train, score, backtest, worklist };
    }

    private static void ForecastTable(O2C.Analytics.Forecast.CashForecast forecast)
    {
        string N(decimal x) => x.ToString("N0", CultureInfo.InvariantCulture);
        var table = new Table().Title($"13-week cash forecast from {forecast.AsOf:yyyy-MM-dd}").AddColumn("week").AddColumn("from")
            .AddColumn(new TableColumn("open AR").RightAligned()).AddColumn(new TableColumn("new billing").RightAligned())
            .AddColumn(new TableColumn("expected").RightAligned()).AddColumn(new TableColumn("P10 - P90").RightAligned());
        foreach (var w in forecast.Weeks)
            table.AddRow(w.Week.ToString(CultureInfo.InvariantCulture), w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(w.OpenAr), N(w.NewBillings), N(w.Expected), $"{N(w.Low)} - {N(w.High)}");
        table.AddRow("", "total", N(forecast.ExpectedFromOpenAr), N(forecast.ExpectedFromNewBillings), N(forecast.Expected), "");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"open AR {N(forecast.OpenAr)} ({forecast.OpenItems:N0} items) = weeks 1-13 {N(forecast.ExpectedFromOpenAr)} + weeks 14-26 {N(forecast.ExpectedWeeks14To26)} + allowance (not expected as cash within 26 weeks) {N(forecast.Allowance)}");
    }

    /// <summary>A warehouse refreshed by an older o2c lacks the stored features: rebuild the models first.</summary>
    private static Warehouse Ready(Warehouse warehouse)
    {
        if (!warehouse.TableExists("int_invoice_features_at_issue"))
            O2C.Analytics.SqlModels.ModelBuilder.Build(warehouse, SqlFolder.Default());
        return warehouse;
    }

    private static DateOnly AsOf(string? text, Warehouse warehouse) =>
        text is not null
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today)).End.AddDays(1);
}
