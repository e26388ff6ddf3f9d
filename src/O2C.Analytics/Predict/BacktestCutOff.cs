using O2C.Analytics.Forecast;

namespace O2C.Analytics.Predict;

/// <summary>
/// One cut-off of a backtest: models trained on what was known the evening of <see cref="CutOff"/>, the invoices
/// open then dated and compared with when they were paid, beside the customer-median baseline; and the cash
/// forecast made the next morning with what came in.
/// </summary>
public sealed record BacktestCutOff(
    DateOnly CutOff,
    int TrainRows,
    int OpenItems,
    int NoPredictionItems,
    int UnpaidItems,
    IReadOnlyList<(double Model, double Baseline)> DateErrors,
    IReadOnlyList<(double Model, double Baseline, bool Late)> LateScores,
    CashForecast Cash)
{
    public double? Mae => DateErrors.Count == 0 ? null : DateErrors.Average(e => e.Model);

    public double? BaselineMae => DateErrors.Count == 0 ? null : DateErrors.Average(e => e.Baseline);

    public double? LateAuc => PaymentModelTrainer.Auc(LateScores.Select(s => s.Model).ToArray(), LateScores.Select(s => s.Late).ToArray()) is var a && double.IsNaN(a) ? null : a;

    public double? BaselineLateAuc => PaymentModelTrainer.Auc(LateScores.Select(s => s.Baseline).ToArray(), LateScores.Select(s => s.Late).ToArray()) is var a && double.IsNaN(a) ? null : a;

    public double? LateBrier => LateScores.Count == 0 ? null : LateScores.Average(s => Math.Pow(s.Model - (s.Late ? 1 : 0), 2));

    public double? BaselineLateBrier => LateScores.Count == 0 ? null : LateScores.Average(s => Math.Pow(s.Baseline - (s.Late ? 1 : 0), 2));

    public double? CashWape(int weeks) => Cash.Wape(weeks, w => w.OpenAr, w => w.ActualOpenAr);

    public double? BaselineCashWape(int weeks) => Cash.Wape(weeks, w => w.BaselineOpenAr, w => w.ActualOpenAr);

    public double? TotalCashWape(int weeks) => Cash.Wape(weeks, w => w.Expected, w => w.Actual);
}
