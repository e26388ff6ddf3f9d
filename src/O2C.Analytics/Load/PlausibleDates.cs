using O2C.Analytics.Storage;
using System.Globalization;
using System.Text.Json;

namespace O2C.Analytics.Load;

/// <summary>
/// The window a loaded date must fall in: from <see cref="Earliest"/> (default 1990-01-01) to
/// <see cref="YearsAhead"/> years after the load's own date (default 5). A date outside it is a typo or a
/// placeholder (2205-01-10, 9999-12-31), never an O2C fact, and one such date once stretched every month series of
/// the refresh to that year (minutes and gigabytes instead of 1.7 s). Configured by LoadEarliestDate and
/// LoadYearsAhead in o2c.json; kept in o2c_settings so a load without configuration uses the last one given.
/// </summary>
public sealed record PlausibleDates(DateOnly Earliest, int YearsAhead)
{
    public static readonly PlausibleDates Default = new(new DateOnly(1990, 1, 1), 5);

    public DateOnly LatestFrom(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>The window a configuration (settings as JSON) names, or null when it names none.</summary>
    public static PlausibleDates? FromConfiguration(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var earliest = root.TryGetProperty("LoadEarliestDate", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var ahead = root.TryGetProperty("LoadYearsAhead", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : (int?)null;
        if (earliest is null && ahead is null) return null;
        if (earliest is not null && !DateOnly.TryParseExact(earliest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new ArgumentException($"LoadEarliestDate must be a date in yyyy-MM-dd form, not '{earliest}'");
        if (ahead is < 0 or > 100) throw new ArgumentException($"LoadYearsAhead must be between 0 and 100, not {ahead}");
        return new PlausibleDates(
            earliest is null ? Default.Earliest : DateOnly.ParseExact(earliest, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ahead ?? Default.YearsAhead);
    }

    public void Store(Warehouse warehouse)
    {
        warehouse.Execute("DELETE FROM o2c_settings WHERE setting_key IN ('load_earliest_date', 'load_years_ahead')");
        warehouse.Execute("INSERT INTO o2c_settings VALUES ('load_earliest_date', $e), ('load_years_ahead', $y)",
            ("e", Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("y", YearsAhead.ToString(CultureInfo.InvariantCulture)));
    }

    public static PlausibleDates Read(Warehouse warehouse)
    {
        var earliest = warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'load_earliest_date'");
        var ahead = warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'load_years_ahead'");
        return new PlausibleDates(
            earliest is null ? Default.Earliest : DateOnly.ParseExact(earliest, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ahead is null ? Default.YearsAhead : int.Parse(ahead, CultureInfo.InvariantCulture));
    }
}
