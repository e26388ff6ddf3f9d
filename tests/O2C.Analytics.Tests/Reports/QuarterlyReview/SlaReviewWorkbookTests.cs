using ClosedXML.Excel;
using O2C.Analytics.Sla;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.QuarterlyReview;

/// <summary>`o2c run` on the bundled sample also writes the SLA review of the latest closed quarter.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class SlaReviewWorkbookTests(SamplePackFixture run)
{
    [Fact]
    public void The_run_reviews_2026Q3_with_realistic_breaches_of_every_default_sla()
    {
        var review = run.Result.SlaReview!;
        Assert.Equal(new SlaQuarter(2026, 3), review.Quarter);
        Assert.Equal(Path.Combine(run.Folder, "reports", "o2c-sla-review-2026-Q3.xlsx"), run.Result.SlaReviewPath);
        Assert.Equal(SlaCatalog.Defaults.Select(d => d.Id).Order(StringComparer.Ordinal), review.Lines.Select(l => l.SlaId));
        foreach (var line in review.Lines)
        {
            Assert.True(line.Volume >= 30, $"{line.SlaId}: {line.Volume} items");
            Assert.InRange(line.Compliance!.Value, 0.5m, 0.99m);
            Assert.NotNull(line.TopCause);
        }

        long breaches;
        using (var warehouse = run.OpenWarehouse())
            breaches = warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements WHERE quarter = '2026Q3' AND breach AND measured");
        Assert.Equal(breaches, review.Lines.Sum(l => l.Breaches));
        Assert.Equal(breaches, review.BreachesInQuarter);

        using var workbook = new XLWorkbook(run.Result.SlaReviewPath);
        Assert.Equal(["Summary", "Causes", "Actions", "By owner and team", "By customer and segment", "Repeat offenders", "Breaches", "Service credits", "SLA definitions"],
            workbook.Worksheets.Select(w => w.Name));
        var summary = workbook.Worksheet("Summary").Table("SlaSummary").DataRange.Rows().ToList();
        Assert.Equal(review.Lines.Select(l => (l.Name, l.Volume, l.Breaches, Math.Round(l.Compliance!.Value, 6))),
            summary.Select(r => (r.Cell(1).GetString(), r.Cell(3).GetValue<long>(), r.Cell(4).GetValue<long>(), Math.Round(r.Cell(6).GetValue<decimal>(), 6))));
        Assert.All(summary, r => Assert.Equal(r.Cell(6).GetValue<decimal>() >= r.Cell(7).GetValue<decimal>() ? "Green" : "Red", r.Cell(8).GetString()));
        Assert.Single(workbook.Worksheet("Summary").Pictures);
        Assert.Equal(4 * review.Lines.Count, workbook.Worksheet("Summary").Table("SlaTrend").DataRange.RowCount());
        Assert.Equal(breaches, workbook.Worksheet("Breaches").Table("Breaches").DataRange.RowCount());
        // After the cap (column 9): the lines' credits, and the total row beneath the table.
        Assert.Equal(review.Lines.Sum(l => l.ServiceCredit), workbook.Worksheet("Service credits").Table("ServiceCredits").DataRange.Rows().Sum(r => r.Cell(9).GetValue<decimal>()));
        Assert.Equal(review.Lines.Sum(l => l.ServiceCredit), workbook.Worksheet("Service credits").Cell(5 + review.Lines.Count, 9).GetValue<decimal>());
        Assert.Equal(SlaCatalog.Defaults.Count, workbook.Worksheet("SLA definitions").Table("SlaDefinitions").DataRange.RowCount());
        // The causes of each SLA's breaches add up to its breaches.
        var causes = workbook.Worksheet("Causes").Table("Causes").DataRange.Rows().ToList();
        foreach (var line in review.Lines)
            Assert.Equal(line.Breaches, causes.Where(r => r.Cell(1).GetString() == line.SlaId).Sum(r => r.Cell(4).GetValue<long>()));
    }
}
