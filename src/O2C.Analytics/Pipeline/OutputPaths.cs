using O2C.Analytics.Sla;

namespace O2C.Analytics.Pipeline;

/// <summary>
/// Where everything a run writes goes: the one place output paths are built. Reports (packs, SLA reviews, charts,
/// pseudonymised outgoing copies, the mail outbox) under the reports folder; trained payment models beside the
/// warehouse (they belong to its data); the Parquet snapshot where configured.
/// </summary>
public sealed record OutputPaths(string ReportsFolder, string WarehousePath, string? ParquetFolder = null)
{
    public string KpiPack(ReportingMonth month) => Path.GetFullPath(Path.Combine(ReportsFolder, $"o2c-kpi-pack-{month}.xlsx"));

    /// <summary>A scoped pack: o2c-kpi-pack-2026-10--region-EMEA.xlsx (letters, digits and '-' only in the member).</summary>
    public string KpiPack(ReportingMonth month, Reports.MonthlyPack.PackScope scope) => scope.IsCompany ? KpiPack(month)
        : Path.GetFullPath(Path.Combine(ReportsFolder, $"o2c-kpi-pack-{month}--{scope.Dimension}-{string.Concat(scope.Member.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}.xlsx"));

    /// <summary>The analyst workbook beside the pack: every KPI by month and dimension, aged debtors, signals, lineage.</summary>
    public string KpiData(ReportingMonth month) => Path.GetFullPath(Path.Combine(ReportsFolder, $"o2c-kpi-data-{month}.xlsx"));

    public string SlaReview(SlaQuarter quarter) => Path.GetFullPath(Path.Combine(ReportsFolder, $"o2c-sla-review-{quarter.Year}-Q{quarter.Number}.xlsx"));

    /// <summary>Control-chart images of a month.</summary>
    public string Charts(ReportingMonth month) => Path.Combine(ChartsRoot, month.ToString());

    public string ChartsRoot => Path.Combine(ReportsFolder, "charts");

    /// <summary>Mail written as .eml when no SMTP host is configured.</summary>
    public string Outbox => Path.Combine(ReportsFolder, "outbox");

    /// <summary>Pseudonymised copies of reports that leave the company.</summary>
    public string Outgoing => Path.Combine(ReportsFolder, "outgoing");

    /// <summary>Trained payment models: beside the warehouse, whichever folder a command runs from.</summary>
    public string PaymentModels => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WarehousePath))!, "payment-models");

    /// <summary>The Parquet snapshot (o2c export; the scheduled refresh when Schedule:ExportParquet is set).</summary>
    public string Parquet => ParquetFolder is { Length: > 0 } folder ? folder : Path.Combine("exports", "parquet");
}
