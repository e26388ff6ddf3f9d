using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using O2C.Analytics.Extract.Tabular;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: Excel formula cells referenced by other formulas were recalculated instead of read as saved. An ERP export
/// is what its user saw when it was saved; here the saved values (as a refresh of an external link would leave them)
/// differ from what the formulas give now, and the saved ones are what is read.
/// </summary>
public sealed class ExcelSavedValuesTests
{
    [Fact]
    public void Formula_cells_are_read_as_saved_never_recalculated()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-xlsx-").FullName;
        try
        {
            var path = Path.Combine(folder, "open-items.xlsx");
            using (var workbook = new XLWorkbook())
            {
                var ws = workbook.Worksheets.Add("items");
                ws.Cell(1, 1).SetValue("document_id"); ws.Cell(1, 2).SetValue("net"); ws.Cell(1, 3).SetValue("tax"); ws.Cell(1, 4).SetValue("amount");
                ws.Cell(2, 1).SetValue("INV-1"); ws.Cell(2, 2).SetValue(100);
                ws.Cell(2, 3).FormulaA1 = "B2*0.2";      // a formula ...
                ws.Cell(2, 4).FormulaA1 = "B2+C2";       // ... referenced by another
                workbook.SaveAs(path);
            }
            // As Excel saved it after the net was revised to 1,000.00: the cells hold 200 and 1200, the net cell 1000 is
            // in another (linked) workbook, so recalculating here would give 20 and 120.
            SetSavedValues(path, ("C2", "200"), ("D2", "1200"));

            var csv = File.ReadAllLines(XlsxToCsv.Convert(path, folder));

            Assert.Equal(["document_id,net,tax,amount", "INV-1,100,200,1200"], csv);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes a &lt;v&gt; (the saved value) into formula cells of the first sheet.</summary>
    private static void SetSavedValues(string path, params (string Cell, string Value)[] values)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
        foreach (var (cell, value) in values)
        {
            var pattern = new Regex($"<x:c r=\"{cell}\"([^>]*)>(<x:f>[^<]*</x:f>)(<x:v>[^<]*</x:v>)?</x:c>|<c r=\"{cell}\"([^>]*)>(<f>[^<]*</f>)(<v>[^<]*</v>)?</c>");
            var match = pattern.Match(xml);
            Assert.True(match.Success, $"cell {cell} not found in {xml}");
            var replaced = match.Groups[2].Success
                ? $"<x:c r=\"{cell}\"{match.Groups[1].Value}>{match.Groups[2].Value}<x:v>{value}</x:v></x:c>"
                : $"<c r=\"{cell}\"{match.Groups[4].Value}>{match.Groups[5].Value}<v>{value}</v></c>";
            xml = xml.Remove(match.Index, match.Length).Insert(match.Index, replaced);
        }
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        writer.Write(xml);
    }
}
