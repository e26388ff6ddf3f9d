using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Tests.Render.Excel;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void Text_that_starts_like_a_formula_survives_a_save_and_reload_as_quoted_literal_text(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"o2c-source-text-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var workbook = new XLWorkbook())
            {
                UntrustedText.Set(workbook.Worksheets.Add("s").Cell(1, 1), text);
                workbook.SaveAs(path);
            }
            using var reopened = new XLWorkbook(path);
            var cell = reopened.Worksheet("s").Cell(1, 1);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            // XML's line-end normalisation reads a stored CR back as LF; the text is otherwise exactly as written.
            Assert.Equal(text.Replace('\r', '\n'), cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Acme GmbH", false)]
    [InlineData("1000", false)]
    [InlineData("A=B", false)]
    [InlineData("=1", true)]
    [InlineData("", false)]
    public void Only_a_leading_formula_character_needs_the_quote_prefix(string text, bool quoted)
    {
        Assert.Equal(quoted, UntrustedText.LooksLikeFormula(text));
        using var workbook = new XLWorkbook();
        var cell = workbook.Worksheets.Add("s").Cell(1, 1);
        UntrustedText.Set(cell, text);
        Assert.Equal(quoted, cell.Style.IncludeQuotePrefix);
        // A number-looking name stays text: customer ids like 1000 must not become numbers.
        Assert.Equal(XLDataType.Text, cell.DataType);
    }
}
