using O2C.Analytics.Render.SlaReview;
using O2C.Analytics.Sla;
using O2C.Analytics.Warehouse;

namespace O2C.Analytics.Pipeline;

/// <summary>Measures every SLA and writes the review of a quarter (default: the latest closed one): what `o2c sla`, `o2c run` and the scheduler do.</summary>
public static class SlaQuarterlyReview
{
    public static (SlaReview Review, string Path) Write(Warehouse.Warehouse warehouse, SqlFolder sql, IReadOnlyList<SlaDefinition> definitions,
        string reportsFolder, SlaQuarter? quarter = null)
    {
        var run = SlaRunner.Run(warehouse, sql, definitions);
        var review = SlaReviewReader.Read(warehouse, sql, quarter ?? run.LatestClosedQuarter, DateTime.UtcNow);
        return (review, SlaReviewWorkbook.Write(review, reportsFolder));
    }
}
