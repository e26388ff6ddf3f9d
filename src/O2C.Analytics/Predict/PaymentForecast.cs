namespace O2C.Analytics.Predict;

/// <summary>Expected receipts of one week, with a band.</summary>
public sealed record WeeklyForecast(int Week, DateOnly WeekStart, decimal Expected, decimal Low, decimal High);

/// <summary>
/// The 13-week cash forecast: every open invoice's amount lands in the week of its expected payment date. The band
/// moves every expected date by the 10th and 90th percentiles of the model's held-out errors (earlier, later) and
/// takes the lowest and highest of the three weekly sums.
/// </summary>
public static class PaymentForecast
{
    /// <summary>Invoice date plus predicted days to pay; an invoice already overdue is expected from the as-of date on.</summary>
    public static DateOnly ExpectedDate(DateOnly invoiceDate, float daysToPay, DateOnly asOf)
    {
        var expected = invoiceDate.AddDays((int)Math.Round(Math.Max(0, daysToPay)));
        return expected < asOf ? asOf : expected;
    }

    public static IReadOnlyList<WeeklyForecast> Weekly(IReadOnlyList<(decimal Amount, DateOnly Expected)> items, DateOnly asOf,
        double errorP10, double errorP90, int weeks = 13)
    {
        decimal[] Sum(double shiftDays)
        {
            var sums = new decimal[weeks];
            foreach (var (amount, expected) in items)
            {
                var date = expected.AddDays((int)Math.Round(shiftDays));
                if (date < asOf) date = asOf;
                var week = (date.DayNumber - asOf.DayNumber) / 7;
                if (week < weeks) sums[week] += amount;
            }
            return sums;
        }
        var central = Sum(0);
        var early = Sum(errorP10);
        var late = Sum(errorP90);
        return Enumerable.Range(0, weeks).Select(w => new WeeklyForecast(w + 1, asOf.AddDays(7 * w), central[w],
            Math.Min(central[w], Math.Min(early[w], late[w])), Math.Max(central[w], Math.Max(early[w], late[w])))).ToList();
    }

    /// <summary>Weighted absolute percentage error: sum |forecast - actual| / sum actual.</summary>
    public static double Wape(IReadOnlyList<decimal> forecast, IReadOnlyList<decimal> actual)
    {
        var total = actual.Sum();
        return total == 0 ? double.NaN : (double)(forecast.Zip(actual, (f, a) => Math.Abs(f - a)).Sum() / total);
    }
}
