using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Tests.Render.Excel;

/// <summary>A streamed table reads back cell for cell as the same table written by ClosedXML alone.</summary>
public sealed class StreamedTableTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("o2c-streamed-").FullName;

    private static readonly ReportColumn[] Columns =
    [
        new("month_end", "Month end", ColumnKind.Date),
        new("kpi", "KPI", ColumnKind.Text),
        new("member", "Member", ColumnKind.SourceText),
        new("value", "Value", ColumnKind.Number),
        new("share", "Share", ColumnKind.Percent),
        new("items", "Items", ColumnKind.Count),
        new("amount", "Amount", ColumnKind.Amount),
        new("days", "Days", ColumnKind.Days),
        new("month", "Month", ColumnKind.Month),
        new("made_at", "Made at", ColumnKind.Timestamp),
        new("flag", "Flag", ColumnKind.Text),
    ];

    // The first row (the one ClosedXML writes) has blanks, so the styles the streamed rows take come from blank cells too.
    private static readonly ReportTable Table = new(Columns,
    [
        [new DateOnly(2026, 9, 30), "dso", null, 41.25m, null, 12L, 1_234_567.89m, 3.5m, new DateOnly(2026, 9, 1), new DateTime(2026, 10, 1, 6, 30, 15), true],
        [new DateOnly(2026, 10, 31), "cei", "=HYPERLINK(\"http://x\")", -0.5m, 0.125m, 0, -20.01m, 0m, new DateOnly(2026, 10, 1), new DateTime(2026, 11, 2, 23, 59, 59), false],
        [new DateOnly(2024, 2, 29), "add", "-5 Corp", 1e-6m, 1m, 99_999_999L, 0.01m, 120.25m, null, null, null],
        [null, " padded ", "@home\u0001bell", 79_228_162_514_264.3375m, null, null, null, null, new DateOnly(2026, 12, 1), null, "yes"],
        [new DateOnly(2026, 11, 30), "_x0041_ stays", "Zürich 東京 😀\ttab", 0.333333333333m, 0.5m, 1, 5m, 1m, null, null, null],
        [new DateOnly(2026, 11, 30), "", "+44 20 7946 0000", 12m, null, 3, null, null, null, null, null],
    ]);

    [Fact]
    public void Every_cell_reads_back_as_the_table_written_by_ClosedXML_alone()
    {
        var plain = Save("plain.xlsx", ws => TableWriter.Write(ws, 4, 2, Table, "Values"));
        var streamed = Save("streamed.xlsx", ws => StreamedTable.Write(ws, 4, 2, Table, "Values"));

        using var expected = new XLWorkbook(plain);
        using var actual = new XLWorkbook(streamed);
        var e = expected.Worksheet("Values");
        var a = actual.Worksheet("Values");
        Assert.Equal("B4:L10", a.Tables.Single().RangeAddress.ToString());
        Assert.Equal(e.Tables.Single().RangeAddress.ToString(), a.Tables.Single().RangeAddress.ToString());
        Assert.Equal("B4:L10", a.Tables.Single().AutoFilter.Range.RangeAddress.ToString());
        for (var r = 1; r <= 11; r++)
            for (var c = 1; c <= 13; c++)
            {
                var (x, y) = (e.Cell(r, c), a.Cell(r, c));
                var at = $"{y.Address}";
                Assert.True(x.GetString() == y.GetString(), $"{at}: '{x.GetString()}' written, '{y.GetString()}' streamed");
                if (x.GetString() == "") continue; // ClosedXML stores a blank as an empty text; streamed, it is no cell
                Assert.True(x.DataType == y.DataType, $"{at}: {x.DataType} written, {y.DataType} streamed");
                Assert.True(Equals(x.Value, y.Value), $"{at}: {x.Value} written, {y.Value} streamed");
                Assert.True(x.Style.NumberFormat.Format == y.Style.NumberFormat.Format, $"{at}: format {x.Style.NumberFormat.Format} written, {y.Style.NumberFormat.Format} streamed");
                Assert.True(x.Style.IncludeQuotePrefix == y.Style.IncludeQuotePrefix, $"{at}: quote prefix {x.Style.IncludeQuotePrefix} written, {y.Style.IncludeQuotePrefix} streamed");
                Assert.True(x.GetFormattedString() == y.GetFormattedString(), $"{at}: shown '{x.GetFormattedString()}' written, '{y.GetFormattedString()}' streamed");
            }

        // What the comparison rests on, said outright: formula-like source text is text with Excel's quote prefix,
        // control characters and text that looks like Excel's escape come back as they were, dates are dates.
        Assert.Equal("=HYPERLINK(\"http://x\")", a.Cell(6, 4).GetString());
        Assert.True(a.Cell(6, 4).Style.IncludeQuotePrefix);
        Assert.True(a.Cell(10, 4).Style.IncludeQuotePrefix); // +44 ...
        Assert.False(a.Cell(9, 4).Style.IncludeQuotePrefix);
        // A control character and text shaped like Excel's escape are stored escaped (_x0001_, _x005F_), which is
        // how Excel and LibreOffice read them back as they were (ClosedXML's reader decodes them its own way, the
        // same for both files: compared above).
        var sharedStrings = SharedStringsXml(streamed);
        Assert.Contains("@home_x0001_bell", sharedStrings);
        Assert.Contains("_x005F_x0041_ stays", sharedStrings);
        Assert.Equal(" padded ", a.Cell(8, 3).GetString());
        Assert.Equal("Zürich 東京 😀\ttab", a.Cell(9, 4).GetString());
        Assert.Equal(new DateTime(2024, 2, 29), a.Cell(7, 2).GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 2, 23, 59, 59), a.Cell(6, 11).GetDateTime());
        Assert.Equal(41.25, a.Cell(5, 5).GetDouble());
        Assert.Equal(-20.01, a.Cell(6, 8).GetDouble());
        Assert.Equal("no", a.Cell(6, 12).GetString());
    }

    [Fact]
    public void A_table_of_one_row_or_none_is_written_whole_by_ClosedXML()
    {
        using var workbook = new XLWorkbook();
        var one = workbook.Worksheets.Add("One");
        Assert.Null(StreamedTable.Write(one, 1, 1, Table with { Rows = Table.Rows.Take(1).ToList() }, "One"));
        Assert.Equal("A1:K2", one.Tables.Single().RangeAddress.ToString());
        var none = workbook.Worksheets.Add("None");
        Assert.Null(StreamedTable.Write(none, 1, 1, ReportTable.Empty(Columns), "None"));
        Assert.Equal("none", none.Cell(2, 1).GetString());
    }

    [Fact]
    public void A_scaled_amount_column_is_refused_since_its_format_varies_by_row()
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add("Scaled");
        var table = new ReportTable([new ReportColumn("ar", "AR", ColumnKind.ScaledAmount)], [[1m], [2_000_000m]]);
        Assert.Throws<ArgumentException>(() => StreamedTable.Write(ws, 1, 1, table, "Scaled"));
    }

    private static string SharedStringsXml(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        return reader.ReadToEnd();
    }

    private string Save(string name, Func<IXLWorksheet, object?> write)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add("Values");
        ws.Cell(1, 1).SetValue("A title above the table");
        var streamed = write(ws) as StreamedTable;
        return WorkbookFile.SaveAtomically(workbook, Path.Combine(folder, name), streamed);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
