using O2C.Analytics.Metrics;

namespace O2C.Analytics.Render.Workbook;

/// <summary>Reads the pack's content for one month: every month up to it, company-wide.</summary>
public static class KpiPackReader
{
    public static KpiPack Read(Warehouse.Warehouse warehouse, DateOnly monthEnd, DateTime nowUtc)
    {
        var months = warehouse.Query("SELECT month_end FROM int_month_ends WHERE month_end <= $m ORDER BY month_end",
            r => r.GetFieldValue<DateOnly>(0), ("m", monthEnd));
        if (months.Count == 0 || months[^1] != monthEnd)
            throw new ArgumentException($"The warehouse has no data for {monthEnd:yyyy-MM}.");
        var currency = warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'reporting_currency'") ?? "USD";
        var values = KpiValueReader.Read(warehouse).Where(v => v.PeriodEnd <= monthEnd).ToList();
        return new KpiPack(monthEnd, currency, KpiCatalog.All, months, values, nowUtc);
    }
}
