using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Pipeline;

/// <summary>
/// What the derived tables are built from besides the dates of the facts: the SQL files (models, KPIs, rules), the KPI
/// catalogue and which KPIs have the source data they need (a first promise to pay turns every month's "not
/// available" into a rate), the dispute SLAs by category, the reporting currency and the program itself (its build). Months kept from an earlier
/// refresh are only as good as the same definitions computing them again; when any of these differs, a refresh is a
/// full one.
/// </summary>
public static class RefreshFingerprint
{
    public static string Of(Warehouse warehouse, SqlFolder sql, string reportingCurrency)
    {
        // Every SQL file: the models and KPIs, and the prediction rules and forecast the scoring reads (PipelineSteps
        // keeps a month's scores when no fact before their date changed and the definitions are the same).
        var fingerprint = new DefinitionsFingerprint().AddSqlFiles(sql);
        foreach (var kpi in KpiCatalog.All)
            fingerprint.Add($"{kpi.Id}{kpi.Kind}{kpi.MinHistoryMonths}{kpi.Scale}"
                + string.Concat(kpi.Requirements.Select(r => $"{r.Check}{warehouse.Scalar<bool>($"SELECT {r.Check}")}")));
        // Reference data the KPIs read that no load writes (seeded by a migration, edited by hand if at all).
        return fingerprint.Add(reportingCurrency.Trim().ToUpperInvariant()).AddDisputeSlas(warehouse).Hash();
    }
}
