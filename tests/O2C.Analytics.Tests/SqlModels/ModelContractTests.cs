using System.Text.RegularExpressions;
using O2C.Analytics.Analyst;
using O2C.Analytics.Load;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.SqlModels;

/// <summary>
/// Issue 17: every SQL model and analyst view states its grain and meaning in its header; the grain holds on the
/// sample; the warehouse explains every column an analyst is pointed to; docs/data-model.md lists every model.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class ModelContractTests(SamplePackFixture run)
{
    private static readonly SqlFolder Sql = SqlFolder.Default();

    private static IEnumerable<(string Name, SqlFileHeader Header)> ModelsAndViews() =>
        SqlModel.ReadAll(Sql.File("models")).Select(m => (m.Name, m.Header))
            .Concat(AnalystViews.Files.Where(v => v.StartsWith("v_", StringComparison.Ordinal))
                .Select(v => (v, SqlFileHeader.Parse(Sql.Read("views", v + ".sql")))));

    [Fact]
    public void Every_model_and_analyst_view_names_its_grain_and_meaning()
    {
        var models = ModelsAndViews().ToList();
        Assert.Equal(28 + 6, models.Count);
        Assert.All(models, m =>
        {
            Assert.True(m.Header.Grain.Count > 0, $"{m.Name}: no '-- grain:' line");
            Assert.True(m.Header.Meaning.Length >= 20, $"{m.Name}: no sentence of meaning");
        });
    }

    [Fact]
    public void Every_grain_is_unique_on_the_sample()
    {
        using var w = run.OpenWarehouse();
        var repeated = new List<string>();
        foreach (var (name, header) in ModelsAndViews())
        {
            var grain = string.Join(", ", header.Grain);
            var rows = w.Scalar<long>($"SELECT count(*) FROM {name}");
            var groups = w.Scalar<long>($"SELECT count(*) FROM (SELECT {grain} FROM {name} GROUP BY ALL HAVING count(*) > 1)");
            Assert.True(rows > 0, $"{name} is empty on the sample: its grain proves nothing");
            if (groups > 0) repeated.Add($"{name}: {groups} values of ({grain}) repeat");
        }
        Assert.Empty(repeated);
    }

    [Fact]
    public void Every_table_and_view_an_analyst_is_pointed_to_explains_itself_and_every_column()
    {
        using var w = run.OpenWarehouse();
        var relations = w.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'", r => r.GetString(0)).ToHashSet();
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "analyst-guide.md"));
        var pointedTo = Regex.Matches(guide, "`([a-z_0-9]+)`").Select(m => m.Groups[1].Value)
            .Concat(ModelsAndViews().Select(m => m.Name)).Concat(CanonicalLayouts.All.Select(l => l.Entity))
            .Where(relations.Contains).ToHashSet();
        Assert.Contains("v_open_items", pointedTo);
        Assert.Contains("rejects", pointedTo);
        Assert.Contains("audit_log", pointedTo);

        var unexplained = w.Query("""
            SELECT table_name || '.' || column_name FROM duckdb_columns()
            WHERE schema_name = 'main' AND (comment IS NULL OR comment = '')
            UNION ALL
            SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND (comment IS NULL OR comment = '')
            UNION ALL
            SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND (comment IS NULL OR comment = '')
            """, r => r.GetString(0))
            .Where(n => pointedTo.Contains(n.Split('.')[0])).Order().ToList();
        Assert.Empty(unexplained);
    }

    [Fact]
    public void Docs_data_model_md_lists_every_model_as_generated_from_the_headers()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "data-model.md");
        var committed = File.ReadAllText(path);
        Assert.True(committed == ModelDocumentation.Replace(committed, Sql),
            "docs/data-model.md's models section is out of date: run `./o2c refresh --docs docs/data-model.md` and commit it.");
        Assert.All(SqlModel.ReadAll(Sql.File("models")), m => Assert.Contains($"**`{m.Name}`**", committed));
    }
}
