using O2C.Analytics.Forecast;
using O2C.Analytics.Storage;
namespace O2C.Analytics.Predict;

/// <summary>
/// What the pack shows of the forward view for a morning: the cash forecast made then, the prediction run that
/// scored the open invoices, and the forecast made a month earlier with what actually came in since.
/// </summary>
public sealed record StoredForecast(long? RunId, DateOnly AsOf, DateTime MadeAt, CashForecast Forecast, CashForecast? Previous)
{
    /// <summary>The forecast stored for <paramref name="asOf"/>, or null when none was made.</summary>
    public static StoredForecast? Read(Warehouse warehouse, SqlFolder sql, DateOnly asOf)
    {
        if (CashForecastStore.Read(warehouse, sql, asOf) is not { } made) return null;
        var runId = warehouse.Scalar<long?>("SELECT max(run_id) FROM payment_predictions WHERE as_of = $asof", ("asof", asOf));
        var previous = CashForecastStore.Read(warehouse, sql, asOf.AddMonths(-1));
        return new StoredForecast(runId, asOf, made.MadeAt, made.Forecast, previous?.Forecast);
    }
}
