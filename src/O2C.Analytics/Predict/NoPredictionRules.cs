using O2C.Analytics.Storage;

namespace O2C.Analytics.Predict;

/// <summary>
/// When an open invoice gets "no prediction" instead of a date (o2c.json "NoPrediction"): beyond
/// <see cref="MaxDaysPastDue"/> days past due, in an open dispute, or past due with no customer contact for
/// <see cref="StaleContactDays"/> days. Applied by sql/forecast/no_prediction.sql as of a morning.
/// </summary>
public sealed record NoPredictionRules
{
    public int MaxDaysPastDue { get; init; } = 90;

    public int StaleContactDays { get; init; } = 60;

    public override string ToString() =>
        $"no date beyond {MaxDaysPastDue} days past due, in open dispute, or past due with no contact for {StaleContactDays} days";

    /// <summary>The open invoices on the morning of <paramref name="asOf"/> that get no date, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Apply(Warehouse warehouse, SqlFolder sql, DateOnly asOf) =>
        warehouse.Query(sql.Read("forecast", "no_prediction.sql"), r => (Id: r.GetString(0), Reason: r.GetString(1)),
                ("asof", asOf), ("max_days_past_due", MaxDaysPastDue), ("stale_contact_days", StaleContactDays))
            .ToDictionary(x => x.Id, x => x.Reason);
}
