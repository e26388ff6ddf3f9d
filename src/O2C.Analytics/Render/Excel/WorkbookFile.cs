using O2C.Analytics.Sla;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;

namespace O2C.Analytics.Render.Excel;

/// <summary>Saves a workbook to a temporary file beside its target and moves it into place, so a reader never sees a half-written report.</summary>
public static class WorkbookFile
{
    /// <param name="streamed">Long tables whose rows after the first are streamed into the saved file before it moves into place.</param>
    public static string SaveAtomically(XLWorkbook workbook, string path, params StreamedTable?[] streamed)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.partial.xlsx");
        workbook.SaveAs(temporary);
        // One pass over the saved package for what ClosedXML cannot write (each pass rewrites the whole file).
        using (var document = SpreadsheetDocument.Open(temporary, true, new OpenSettings { AutoSave = false }))
        {
            foreach (var table in streamed) table?.AppendRows(document);
            PrintTitles.MakeAbsolute(document);
        }
        File.Move(temporary, full, overwrite: true);
        return full;
    }
}
