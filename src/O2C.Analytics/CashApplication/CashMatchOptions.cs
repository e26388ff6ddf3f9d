namespace O2C.Analytics.CashApplication;

/// <summary>How cash matching decides: matches scoring at least AutoApplyThreshold are applied, the rest queued.</summary>
/// <param name="ShortPaymentTolerance">A single referenced invoice paid short by at most this share, the shortfall not
/// explained (discount, stated deduction, bank fee), is applied with a deduction for the rest.</param>
public sealed record CashMatchOptions(DateOnly ApplicationDate, decimal AutoApplyThreshold = 0.90m, decimal ShortPaymentTolerance = 0.15m)
{
    /// <summary>
    /// The most a bank may keep of a payment in each currency before the shortfall is the customer's to explain: an
    /// intermediary's charge on a cross-border transfer (SHA/OUR) is typically 10 to 35 US dollars' worth. A currency
    /// not listed has no allowance.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> BankFeeTolerance { get; init; } = DefaultBankFeeTolerance;

    /// <summary>
    /// Date each application (and deduction, write-off) the day its receipt was posted rather than ApplicationDate: for
    /// a first run over statements already past, so that each receipt is applied when a daily run would have applied it.
    /// </summary>
    public bool DateAsPosted { get; init; }

    /// <summary>Days past the discount period a payment's value date may fall and still earn it: the bank's transit time.</summary>
    public int DiscountGraceDays { get; init; } = 3;

    public static readonly IReadOnlyDictionary<string, decimal> DefaultBankFeeTolerance = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["EUR"] = 25m, ["USD"] = 30m, ["GBP"] = 20m, ["CHF"] = 25m, ["CAD"] = 35m, ["AUD"] = 40m, ["JPY"] = 3000m,
        ["SEK"] = 250m, ["NOK"] = 250m, ["DKK"] = 200m, ["PLN"] = 100m, ["CNY"] = 200m, ["INR"] = 2000m,
    };
}
