using System.Globalization;
using O2C.Analytics.Predict;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>Prints a backtest as a treasurer reads it: the time split, each cut-off beside the baseline, the pooled figures.</summary>
public static class BacktestReport
{
    public static void Write(BacktestResult result)
    {
        static string D(double? x, string format = "0.00") => x is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
        static string P(double? x) => x is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";
        if (result.Split is { } m)
            AnsiConsole.MarkupLineInterpolated($"time split (trained on outcomes known before {m.SplitDate:yyyy-MM-dd}, {m.TestRows:N0} invoices issued from then and paid, {m.TestWindowUnpaid:N0} unpaid not scored): MAE {m.ModelMae:0.00} days (customer median {m.BaselineMae:0.00}); late AUC {m.ModelAuc:0.000} ({m.BaselineAuc:0.000}), Brier {m.BrierScore:0.000} ({m.BaselineBrierScore:0.000})");
        // Two tables, each narrow enough for an 80-column terminal: pay dates, then cash.
        var dates = new Table().Title($"backtest {result.BacktestId}: invoices open at each month end")
            .AddColumn("cut-off").AddColumn(new TableColumn("open").RightAligned()).AddColumn(new TableColumn("no date").RightAligned())
            .AddColumn(new TableColumn("scored").RightAligned()).AddColumn(new TableColumn("MAE").RightAligned()).AddColumn(new TableColumn("median").RightAligned())
            .AddColumn(new TableColumn("late AUC").RightAligned()).AddColumn(new TableColumn("median").RightAligned());
        var cash = new Table().Title("cash after each month end: WAPE of the weekly forecast")
            .AddColumn("cut-off").AddColumn(new TableColumn("open AR 4w").RightAligned()).AddColumn(new TableColumn("median").RightAligned())
            .AddColumn(new TableColumn("13w").RightAligned()).AddColumn(new TableColumn("median").RightAligned())
            .AddColumn(new TableColumn("all cash 4w").RightAligned()).AddColumn(new TableColumn("13w").RightAligned());
        foreach (var c in result.CutOffs)
        {
            var day = c.CutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            dates.AddRow(day, c.OpenItems.ToString("N0", CultureInfo.InvariantCulture), c.NoPredictionItems.ToString("N0", CultureInfo.InvariantCulture),
                c.DateErrors.Count.ToString("N0", CultureInfo.InvariantCulture), D(c.Mae), D(c.BaselineMae), D(c.LateAuc, "0.000"), D(c.BaselineLateAuc, "0.000"));
            cash.AddRow(day, P(c.CashWape(4)), P(c.BaselineCashWape(4)), P(c.CashWape(13)), P(c.BaselineCashWape(13)), P(c.TotalCashWape(4)), P(c.TotalCashWape(13)));
        }
        AnsiConsole.Write(dates);
        AnsiConsole.Write(cash);
        var (better, of) = result.CutOffsBeatingBaseline;
        AnsiConsole.MarkupLineInterpolated($"open-invoice pay date: pooled MAE {D(result.PooledMae)} days vs customer median {D(result.PooledBaselineMae)} ({D(result.PooledMae / result.PooledBaselineMae, "0.000")}x); better in {better} of {of} cut-offs");
        AnsiConsole.MarkupLineInterpolated($"cash from open AR, mean WAPE: 4 weeks {P(BacktestResult.MeanOf(result.CutOffs.Select(c => c.CashWape(4))))} (median baseline {P(BacktestResult.MeanOf(result.CutOffs.Select(c => c.BaselineCashWape(4))))}), 13 weeks {P(BacktestResult.MeanOf(result.CutOffs.Select(c => c.CashWape(13))))} ({P(BacktestResult.MeanOf(result.CutOffs.Select(c => c.BaselineCashWape(13))))})");
        AnsiConsole.MarkupLineInterpolated($"all cash (open AR and new billing), mean WAPE: 4 weeks {P(BacktestResult.MeanOf(result.CutOffs.Select(c => c.TotalCashWape(4))))}, 13 weeks {P(BacktestResult.MeanOf(result.CutOffs.Select(c => c.TotalCashWape(13))))}; stored as backtest {result.BacktestId} (backtest_runs, backtest_cut_offs)");
    }
}
