using O2C.Analytics.Forecast;
using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Forecast;

/// <summary>
/// The forecast's P10-P90 band reads how earlier forecasts missed in weeks that had ended with cash known before its
/// morning: cash applied on or after the morning must not change it. Found in review: a week counted as known when it
/// ended by the warehouse's latest application, so a forecast scored again after a later load had another band than
/// the one kept.
/// </summary>
public sealed class CashForecastBandTests
{
    [Fact]
    public void Cash_applied_on_or_after_the_morning_does_not_change_the_band()
    {
        using var w = new TempWarehouse();
        var history = Path.Combine(w.Folder, "history");
        O2C.Analytics.Generate.SampleGenerator.Run(new O2C.Analytics.Generate.GeneratorOptions(120, 24, 5, history, new DateOnly(2024, 11, 1)));
        new CanonicalLoader(w.Warehouse).LoadFolder(history);
        var morning = new DateOnly(2026, 10, 1);
        // No cash applied on 29 and 30 September: the last cash before the morning is of 28 September. The forecast
        // made on 1 July has its week 13 ending on 29 September: not known on the morning of 1 October.
        w.Warehouse.Execute("DELETE FROM applications WHERE application_date IN (DATE '2026-09-29', DATE '2026-09-30')");
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD", full: true);
        var withLaterCash = Band(w, morning);
        Assert.True(w.Warehouse.Scalar<long>("SELECT count(*) FROM stg_applications WHERE application_date >= $m", ("m", morning)) > 0);

        // The same facts before the morning, none after it.
        w.Warehouse.Execute("DELETE FROM applications WHERE application_date >= $m", ("m", morning));
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD", full: true);
        var withoutLaterCash = Band(w, morning);

        Assert.Equal(withoutLaterCash, withLaterCash);
        // Not vacuous: a band, not the forecast itself.
        Assert.Contains(withLaterCash, b => b.Low < b.High);
    }

    private static List<(decimal Low, decimal High)> Band(TempWarehouse w, DateOnly morning) =>
        new CashForecaster(w.Warehouse, SqlFolder.Default()).For(morning).Weeks.Select(x => (x.Low, x.High)).ToList();
}
