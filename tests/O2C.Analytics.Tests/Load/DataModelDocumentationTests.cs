using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Load;

public class DataModelDocumentationTests
{
    [Fact]
    public void Every_canonical_table_and_column_is_described_in_the_data_model()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "data-model.md"));
        var missing = CanonicalLayouts.All
            .SelectMany(e => new[] { $"### {e.Entity}" }.Concat(e.Columns.Select(c => $"`{c.Name}`")).Where(text => !doc.Contains(text)))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Docs_file_layouts_md_is_the_generated_layouts()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "file-layouts.md"));
        Assert.True(committed == FileLayoutDocumentation.Markdown(CanonicalLayouts.All),
            "docs/file-layouts.md is out of date: run `./o2c load --layouts docs/file-layouts.md` and commit it.");
    }
}
