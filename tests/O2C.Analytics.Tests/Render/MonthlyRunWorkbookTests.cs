using ClosedXML.Excel;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Render.Workbook;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Warehouse;

namespace O2C.Analytics.Tests.Render;

/// <summary>`o2c run` on the bundled sample, end to end; the workbook re-opened and checked cell by cell.</summary>
public sealed class MonthlyRunWorkbookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_on_the_bundled_sample_writes_every_month_and_kpi_value_into_the_pack()
    {
        var options = new MonthlyRunOptions(
            Path.Combine(_folder, "o2c.duckdb"), RepoPaths.DataSamples, Path.Combine(_folder, "reports"), "USD", new DateOnly(2026, 11, 23));
        var result = MonthlyRun.Run(options, SqlFolder.Default());

        Assert.Equal(new DateOnly(2026, 10, 31), result.MonthEnd);
        Assert.Equal(Path.Combine(_folder, "reports", "o2c-kpi-pack-2026-10.xlsx"), result.WorkbookPath);
        Assert.Equal(0, result.UnconvertibleOpenItems);

        List<KpiValue> expected;
        using (var warehouse = O2C.Analytics.Warehouse.Warehouse.Open(options.WarehousePath))
            expected = KpiValueReader.Read(warehouse).ToList();

        using var workbook = new XLWorkbook(result.WorkbookPath);
        var sheet = workbook.Worksheet(KpiTrendSheet.Name);
        var header = KpiTrendSheet.HeaderRow;
        Assert.Equal("Month", sheet.Cell(header, 1).GetString());
        for (var k = 0; k < KpiCatalog.All.Count; k++)
            Assert.StartsWith(KpiCatalog.All[k].Name, sheet.Cell(header, 2 + k).GetString());

        // 36 months, November 2023 to October 2026, each a real date shown as yyyy-mm.
        var months = Enumerable.Range(0, 36).Select(i => new DateOnly(2023, 11, 1).AddMonths(i + 1).AddDays(-1)).ToList();
        for (var i = 0; i < months.Count; i++)
        {
            var monthCell = sheet.Cell(header + 1 + i, 1);
            Assert.Equal(months[i].ToDateTime(TimeOnly.MinValue), monthCell.GetDateTime());
            Assert.Equal("yyyy-mm", monthCell.Style.NumberFormat.Format);
            for (var k = 0; k < KpiCatalog.All.Count; k++)
            {
                var kpi = KpiCatalog.All[k];
                var value = expected.Single(v => v.KpiId == kpi.Id && v.PeriodEnd == months[i]);
                var cell = sheet.Cell(header + 1 + i, 2 + k);
                if (value.Value is { } v)
                    Assert.Equal(Math.Round(v, 4), cell.GetValue<decimal>());
                else
                    Assert.Equal("n/a", cell.GetString());
            }
        }
        Assert.True(sheet.Cell(header + 37, 1).IsEmpty());
        // The first two months cannot have a 3-month DSO; every later month has one.
        Assert.Equal("n/a", sheet.Cell(header + 1, 2).GetString());
        Assert.All(Enumerable.Range(3, 34), i => Assert.InRange(sheet.Cell(header + i, 2).GetValue<decimal>(), 20m, 120m));
        Assert.Equal(KpiCatalog.All.Count + 1, workbook.Worksheet(DefinitionsSheet.Name).LastRowUsed()!.RowNumber());

        // Scorecard: every KPI with the October value, its target, and the RAG rule applied.
        var scorecard = workbook.Worksheet(ScorecardSheet.Name);
        var rows = scorecard.RowsUsed().Where(r => r.RowNumber() > ScorecardSheet.HeaderRow && !r.Cell(2).IsEmpty()).ToList();
        var byArea = KpiCatalog.All.Select(k => k.Area).Distinct().SelectMany(a => KpiCatalog.All.Where(k => k.Area == a)).ToList();
        Assert.Equal(byArea.Select(k => k.Name), rows.Select(r => r.Cell(1).GetString()));
        foreach (var (kpi, r) in byArea.Zip(rows))
        {
            var october = expected.Single(v => v.KpiId == kpi.Id && v.PeriodEnd == months[^1]).Value;
            if (october is { } actual) Assert.Equal(Math.Round(actual, 4), r.Cell(3).GetValue<decimal>());
            decimal? target = r.Cell(4).GetString() == "n/a" ? null : r.Cell(4).GetValue<decimal>();
            var tolerance = target is null ? (decimal?)null : Math.Max(1m, Math.Round(target.Value / 10m, 1)); // as the sample's kpi_targets
            var rag = RagStatus.Of(kpi.Direction, october, target, tolerance);
            Assert.Equal(rag == Rag.NotRated ? "n/a" : rag.ToString(), r.Cell(5).GetString());
        }

        // Control charts: one PNG per KPI and the small multiples, each a real image of the size drawn.
        Assert.Equal(KpiCatalog.All.Count + 1, result.Charts.Count);
        Assert.All(result.Charts, c => Assert.StartsWith(Path.Combine(_folder, "reports", "charts", "2026-10"), c));
        using var dso = SkiaSharp.SKBitmap.Decode(result.Charts.Single(c => Path.GetFileName(c) == "dso.png"));
        Assert.Equal((900, 420), (dso.Width, dso.Height));
        using var grid = SkiaSharp.SKBitmap.Decode(result.Charts.Single(c => c.EndsWith("all-kpis.png", StringComparison.Ordinal)));
        Assert.Equal((6 * 360, 7 * 220), (grid.Width, grid.Height));
    }
}
