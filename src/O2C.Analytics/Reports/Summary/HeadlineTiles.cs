using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// The summary page's eight headline figures, from kpi_values and the stored cash forecasts: cash collected, DSO,
/// overdue amount and share, over-90 amount, CEI against the prior month (and target where one is set); last month's
/// forecast of weeks 1-4 against what came in; and the next four weeks' expected receipts with the forecast's accuracy.
/// </summary>
public static class HeadlineTiles
{
    public const int ForecastWeeks = 4;

    public static IReadOnlyList<HeadlineTile> Of(KpiPack pack)
    {
        var onPrior = $"on {pack.MonthEndOffset(-1):MMMM}";
        var tiles = new List<HeadlineTile>
        {
            Kpi(pack, "cash_collected", "Cash collected", onPrior),
            Kpi(pack, "dso", "DSO", onPrior),
            Part(pack, "past_due_pct", "Overdue", onPrior),
            Kpi(pack, "past_due_pct", "Overdue share of AR", onPrior),
            Part(pack, "ar_over_90_pct", "Over 90 days past due", onPrior),
            Kpi(pack, "cei", "Collection effectiveness (CEI)", onPrior),
        };
        if (pack.Forecast is { } stored)
        {
            if (stored.Previous is { } previous && previous.Weeks.Take(ForecastWeeks).ToList() is { Count: ForecastWeeks } weeks && weeks.All(w => w.Actual is not null))
            {
                var wape = previous.Wape(ForecastWeeks, w => w.Expected, w => w.Actual);
                tiles.Add(new HeadlineTile($"Cash {previous.AsOf.Day}\u2013{previous.AsOf.AddDays(7 * ForecastWeeks - 1):d MMM} vs forecast", "amount",
                    weeks.Sum(w => w.Actual!.Value), weeks.Sum(w => w.Expected), "vs forecast", KpiDirection.HigherIsBetter,
                    Note: $"forecast {LeadershipFigures.Amount(weeks.Sum(w => w.Expected))}" + (wape is { } e ? $"; weekly error {e:P0} (WAPE)" : "")));
            }
            var next = stored.Forecast.Weeks.Take(ForecastWeeks).ToList();
            tiles.Add(new HeadlineTile($"Expected receipts, 4 weeks from {stored.Forecast.AsOf:d MMM}", "amount",
                next.Sum(w => w.Expected), null, "", KpiDirection.HigherIsBetter,
                Note: $"weekly P10\u2013P90 summed: {LeadershipFigures.Amount(next.Sum(w => w.Low))} to {LeadershipFigures.Amount(next.Sum(w => w.High))}; {ShortAccuracy(pack)}"));
        }
        return tiles;
    }

    /// <summary>How well the forecast did before: the backtest when one is stored, else last month's forecast against actual.</summary>
    public static string Accuracy(KpiPack pack)
    {
        if (pack.ForecastBacktest is { } backtest)
            return $"backtest over {backtest.CutOffs} month ends: receipts from open AR in weeks 1-4 off by {backtest.Wape4Weeks:P0} (WAPE), the customer-median baseline by {backtest.BaselineWape4Weeks:P0}";
        if (pack.Forecast?.Previous?.Wape(ForecastWeeks, w => w.Expected, w => w.Actual) is { } wape)
            return $"last month's forecast missed weeks 1-4 by {wape:P0} (WAPE)";
        return "accuracy not yet measured (no earlier forecast or backtest)";
    }

    /// <summary>The accuracy in a tile's few words: "backtest 12 % off (baseline 25 %)", "last month 9 % off (WAPE)".</summary>
    public static string ShortAccuracy(KpiPack pack)
    {
        if (pack.ForecastBacktest is { } backtest) return $"backtest {backtest.Wape4Weeks:P0} off (baseline {backtest.BaselineWape4Weeks:P0})";
        if (pack.Forecast?.Previous?.Wape(ForecastWeeks, w => w.Expected, w => w.Actual) is { } wape) return $"last month {wape:P0} off (WAPE)";
        return "accuracy not yet measured";
    }

    private static HeadlineTile Kpi(KpiPack pack, string kpiId, string title, string comparedWith)
    {
        var kpi = KpiCatalog.Get(kpiId);
        return new HeadlineTile(title, kpi.Unit, pack.Value(kpiId, pack.MonthEnd)?.Value, pack.Value(kpiId, pack.MonthEndOffset(-1))?.Value,
            comparedWith, kpi.Direction, pack.Target(kpiId)?.Target, YearAgo: pack.Value(kpiId, pack.MonthEndOffset(-12))?.Value, YearAgoMonth: YearAgoMonth(pack));
    }

    private static string YearAgoMonth(KpiPack pack) => pack.MonthEndOffset(-12).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A share KPI's numerator as an amount (overdue AR of past_due_pct), with the share beside it.</summary>
    private static HeadlineTile Part(KpiPack pack, string kpiId, string title, string comparedWith)
    {
        var kpi = KpiCatalog.Get(kpiId);
        var now = pack.Value(kpiId, pack.MonthEnd);
        return new HeadlineTile(title, "amount", now?.Numerator, pack.Value(kpiId, pack.MonthEndOffset(-1))?.Numerator, comparedWith, kpi.Direction,
            Note: now?.Value is { } share ? $"{LeadershipFigures.Share(share)} of AR" : null,
            YearAgo: pack.Value(kpiId, pack.MonthEndOffset(-12))?.Numerator, YearAgoMonth: YearAgoMonth(pack));
    }
}
