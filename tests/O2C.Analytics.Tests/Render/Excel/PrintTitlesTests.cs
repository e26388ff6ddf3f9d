using System.IO.Compression;
using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Tests.Render.Excel;

public sealed class PrintTitlesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("o2c-titles-").FullName;

    [Fact]
    public void A_saved_workbook_repeats_its_header_rows_in_the_absolute_form_LibreOffice_reads()
    {
        using var workbook = new XLWorkbook();
        SheetLayout.Print(SheetLayout.Add(workbook, "KPI values", "title", "subtitle"), 4);
        SheetLayout.Print(SheetLayout.Add(workbook, "Data lineage", "title", "subtitle"), 14);
        SheetLayout.Add(workbook, "No titles", "title", "subtitle");
        var path = WorkbookFile.SaveAtomically(workbook, Path.Combine(folder, "titles.xlsx"));

        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains(">'KPI values'!$4:$4<", xml);
        Assert.Contains(">'Data lineage'!$14:$14<", xml);
        Assert.DoesNotContain("!4:4", xml);
        // ClosedXML reads it back as the same rows.
        using var reopened = new XLWorkbook(path);
        Assert.Equal(4, reopened.Worksheet("KPI values").PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(4, reopened.Worksheet("KPI values").PageSetup.LastRowToRepeatAtTop);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
