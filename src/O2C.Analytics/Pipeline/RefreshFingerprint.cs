using System.Security.Cryptography;
using System.Text;
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
        var text = new StringBuilder();
        // Every SQL file: the models and KPIs, and the prediction rules and forecast the scoring reads (PipelineSteps
        // keeps a month's scores when no fact before their date changed and the definitions are the same).
        foreach (var path in Directory.EnumerateFiles(sql.Root, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            text.Append(Path.GetRelativePath(sql.Root, path)).Append('\n').Append(File.ReadAllText(path)).Append('\n');
        foreach (var kpi in KpiCatalog.All)
        {
            text.Append(kpi.Id).Append(kpi.Kind).Append(kpi.MinHistoryMonths).Append(kpi.Scale);
            foreach (var requirement in kpi.Requirements)
                text.Append(requirement.Check).Append(warehouse.Scalar<bool>($"SELECT {requirement.Check}"));
            text.Append('\n');
        }
        text.Append(reportingCurrency.Trim().ToUpperInvariant()).Append('\n');
        // Reference data the KPIs read that no load writes (seeded by a migration, edited by hand if at all).
        text.Append(warehouse.Scalar<string>("SELECT string_agg(category || '=' || sla_business_days, ';' ORDER BY category) FROM dispute_category_sla")).Append('\n');
        text.Append(typeof(RefreshFingerprint).Assembly.ManifestModule.ModuleVersionId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
