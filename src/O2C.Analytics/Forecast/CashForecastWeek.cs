namespace O2C.Analytics.Forecast;

/// <summary>
/// One week of the cash forecast: cash expected from the receivables open on the forecast date and from billing
/// not yet issued, the P10-P90 band around their sum, what came in when the week is over, and the naive forecast
/// of the open AR (each item on its date + the customer's median days to pay) the roll rates are measured against.
/// </summary>
public sealed record CashForecastWeek(
    int Week,
    DateOnly WeekStart,
    decimal OpenAr,
    decimal NewBillings,
    decimal Low,
    decimal High,
    decimal BaselineOpenAr = 0,
    decimal? ActualOpenAr = null,
    decimal? ActualNewBillings = null)
{
    public decimal Expected => OpenAr + NewBillings;

    public decimal? Actual => ActualOpenAr + ActualNewBillings;
}
