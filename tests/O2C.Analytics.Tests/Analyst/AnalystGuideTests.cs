using System.Text.RegularExpressions;
using O2C.Analytics.Analyst;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Analyst;

/// <summary>Every worked example in docs/analyst-guide.md runs on the sample warehouse, read-only, and returns rows.</summary>
[Collection(SamplePackCollection.Name)]
public sealed partial class AnalystGuideTests(SamplePackFixture run)
{
    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Queries().Count; i++) data.Add(i);
        return data;
    }

    /// <summary>The guide's SQL block number <paramref name="number"/> (0: the comments query; 1-13: the worked examples).</summary>
    public static string Query(int number) => Queries()[number];

    private static IReadOnlyList<string> Queries() =>
        SqlBlock().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "analyst-guide.md"))).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void The_guide_has_at_least_ten_worked_examples() => Assert.True(Queries().Count >= 10, $"{Queries().Count} examples");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_worked_example_runs_and_returns_rows(int example)
    {
        using var warehouse = run.OpenWarehouse();
        var result = AnalystSql.Run(warehouse, Queries()[example]);
        Assert.NotEmpty(result.Rows);
        Assert.All(result.Rows, r => Assert.Equal(result.Columns.Count, r.Length));
    }

    [Fact]
    public void Every_analyst_view_has_its_description()
    {
        using var warehouse = run.OpenWarehouse();
        var views = warehouse.Query("SELECT view_name, comment FROM duckdb_views() WHERE view_name LIKE 'v\\_%' ESCAPE '\\'", r => (r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1)));
        Assert.Equal(AnalystViews.Files.Where(f => f.StartsWith("v_", StringComparison.Ordinal)).Order(StringComparer.Ordinal), views.Select(v => v.Item1).Order(StringComparer.Ordinal));
        Assert.All(views, v => Assert.True(v.Item2.Length > 40, $"{v.Item1} has no description"));
        // The same numbers as the models: total open AR at the latest month end equals the KPI.
        var viaView = warehouse.Scalar<decimal>("SELECT sum(open_amount_rc) FROM v_open_items WHERE month_end = DATE '2026-10-31'");
        var kpi = warehouse.Scalar<decimal>("SELECT value FROM v_kpi_values WHERE kpi_id = 'total_open_ar' AND dimension = 'company' AND period_end = DATE '2026-10-31'");
        Assert.Equal(Math.Round(kpi, 2), viaView);
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
