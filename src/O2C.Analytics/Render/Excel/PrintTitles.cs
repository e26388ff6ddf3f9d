using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace O2C.Analytics.Render.Excel;

/// <summary>
/// The header rows a sheet repeats on every printed page. ClosedXML 0.95 writes them relative ('KPI values'!4:4)
/// whatever it is given, and LibreOffice ignores that form: a 900-page analyst workbook printed its column headers on
/// the first page only. The saved workbook's print titles are made absolute ($4:$4), which Excel and LibreOffice read alike.
/// </summary>
public static partial class PrintTitles
{
    /// <param name="document">The saved workbook, opened with AutoSave off (WorkbookFile.SaveAtomically).</param>
    public static void MakeAbsolute(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart?.Workbook;
        var titles = workbook?.DefinedNames?.Elements<DefinedName>().Where(n => n.Name?.Value == "_xlnm.Print_Titles").ToList() ?? [];
        var changed = false;
        foreach (var title in titles)
        {
            var absolute = RelativeRows().Replace(title.Text, "!$$$1:$$$2");
            if (absolute == title.Text) continue;
            title.Text = absolute;
            changed = true;
        }
        if (changed) workbook!.Save();
    }

    [GeneratedRegex(@"!(\d+):(\d+)")]
    private static partial Regex RelativeRows();
}
