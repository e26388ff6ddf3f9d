namespace O2C.Analytics.Forecast;

/// <summary>
/// The 13-week cash forecast made on the morning of <see cref="AsOf"/>. The open AR on that morning splits into
/// cash expected in weeks 1-13, cash expected in weeks 14-26, and the allowance: what is not expected as cash
/// within 26 weeks (credits, write-offs, very slow payers). Billing not yet issued adds its own receipts.
/// </summary>
public sealed record CashForecast(
    DateOnly AsOf,
    decimal OpenAr,
    int OpenItems,
    decimal ExpectedWeeks14To26,
    decimal Allowance,
    decimal BillingNext13Weeks,
    IReadOnlyList<CashForecastWeek> Weeks)
{
    /// <summary>Open items in a currency without a rate on the evening: not valued, left out of every figure.</summary>
    public int UnconvertibleItems { get; init; }

    /// <summary>
    /// The weeks the history speaks for (14: weeks 14-26 too). Below 14 the open AR not expected in the known weeks
    /// is shown as "later", not as an allowance: too little history to call it lost.
    /// </summary>
    public int HistoryWeeks { get; init; }

    public decimal ExpectedFromOpenAr => Weeks.Sum(w => w.OpenAr);

    public decimal ExpectedFromNewBillings => Weeks.Sum(w => w.NewBillings);

    public decimal Expected => Weeks.Sum(w => w.Expected);

    /// <summary>Weighted absolute percentage error of the first <paramref name="weeks"/> weeks, when they are all known.</summary>
    public double? Wape(int weeks, Func<CashForecastWeek, decimal> forecast, Func<CashForecastWeek, decimal?> actual)
    {
        var known = Weeks.Take(weeks).ToList();
        if (known.Count < weeks || known.Any(w => actual(w) is null)) return null;
        var total = known.Sum(w => actual(w)!.Value);
        return total == 0 ? null : (double)(known.Sum(w => Math.Abs(forecast(w) - actual(w)!.Value)) / total);
    }

    /// <summary>(forecast - actual) / actual over the first <paramref name="weeks"/> weeks: above 0 means too optimistic.</summary>
    public double? Bias(int weeks, Func<CashForecastWeek, decimal> forecast, Func<CashForecastWeek, decimal?> actual)
    {
        var known = Weeks.Take(weeks).ToList();
        if (known.Count < weeks || known.Any(w => actual(w) is null)) return null;
        var total = known.Sum(w => actual(w)!.Value);
        return total == 0 ? null : (double)((known.Sum(forecast) - total) / total);
    }

    /// <summary>
    /// Where the open AR goes, line by line (an indented line is part of the one above): nothing left out, and what
    /// is not expected as cash said. The pack's forecast page and the analyst workbook print these.
    /// </summary>
    public IReadOnlyList<(string Label, decimal Amount)> OpenArDisposition() =>
    [
        ($"Open AR on {AsOf:d MMM yyyy} ({OpenItems:N0} items)", OpenAr),
        ("  expected as cash in weeks 1-13", ExpectedFromOpenAr),
        HistoryWeeks >= 14
            ? ("  expected as cash in weeks 14-26", ExpectedWeeks14To26)
            : ($"  later: history speaks for {HistoryWeeks} weeks only", ExpectedWeeks14To26),
        ("  allowance: not expected as cash within 26 weeks", Allowance),
        ("Billing expected in the 13 weeks (invoices not yet issued)", BillingNext13Weeks),
    ];
}
