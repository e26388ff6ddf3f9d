using O2C.Analytics.Storage;

namespace O2C.Analytics.Pilots;

/// <summary>
/// A measure a pilot is judged on, per customer over a window of months: sum(numerator) / sum(denominator) x scale
/// over the months' parts (period_end, customer_id, numerator, denominator). The KPIs' own parts where a KPI is the
/// measure (sql/kpis), so a pilot's ADD is the catalogue's ADD.
/// </summary>
public sealed record PilotMetric(string Id, string Name, string ShortName, string Unit, bool LowerIsBetter, decimal Scale, Func<SqlFolder, string> ReadParts)
{
    /// <summary>The measure's parts as one query, ready to stand in a WITH clause.</summary>
    public string Parts(SqlFolder sql) => Trim(ReadParts(sql));

    public static readonly IReadOnlyList<PilotMetric> All =
    [
        new("days_to_pay", "Days to pay (invoices issued in the window, to the payment's value date)", "Days to pay", "days", true, 1m,
            sql => sql.Read("pilots", "invoice_days_to_pay.sql")),
        new("add", "Average days delinquent", "Average days delinquent", "days", true, 1m, sql => sql.Read("kpis", "add.sql")),
        new("cash_per_open_ar", "Cash collected per open AR (cash in the month / AR at its end)", "Cash per open AR", "%", false, 100m,
            sql => $"""
                SELECT period_end, customer_id, numerator, NULL::DECIMAL AS denominator FROM ({Trim(sql.Read("kpis", "cash_collected.sql"))})
                UNION ALL
                SELECT period_end, customer_id, NULL::DECIMAL, numerator FROM ({Trim(sql.Read("kpis", "total_open_ar.sql"))})
                """),
        new("ptp_kept_rate", "Promise-to-pay kept rate", "Promises kept", "%", false, 100m, sql => sql.Read("kpis", "ptp_kept_rate.sql")),
        new("dunning_effectiveness", "Dunning effectiveness", "Dunning effectiveness", "%", false, 100m, sql => sql.Read("kpis", "dunning_effectiveness.sql")),
    ];

    private static string Trim(string sql) => sql.Trim().TrimEnd(';');
}
