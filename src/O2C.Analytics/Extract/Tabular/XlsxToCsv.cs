using System.Globalization;
using ClosedXML.Excel;
using O2C.Analytics.Generate;

namespace O2C.Analytics.Extract.Tabular;

/// <summary>
/// The first sheet of a workbook as a CSV file, so that Excel sources map exactly like CSV sources. Cells are
/// written as their values: dates as yyyy-MM-dd, numbers in invariant form, text as typed (never evaluated).
/// </summary>
public static class XlsxToCsv
{
    public static string Convert(string xlsxPath, string folder)
    {
        var csvPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(xlsxPath) + ".xlsx.csv");
        using var workbook = new XLWorkbook(xlsxPath);
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null) throw new InvalidDataException($"{Path.GetFileName(xlsxPath)}: the first sheet is empty");
        var lastColumn = used.LastColumn().ColumnNumber();
        var header = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(used.FirstRow().RowNumber(), c).GetString().Trim()).ToArray();
        using var csv = new CsvOut(csvPath, gzip: false, header);
        foreach (var row in used.RowsUsed().Skip(1))
        {
            for (var c = 1; c <= lastColumn; c++)
            {
                var cell = row.Cell(c);
                csv.Text(cell.IsEmpty() ? null : cell.DataType switch
                {
                    XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    XLDataType.Number => cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
                    XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
                    _ => cell.GetString(),
                });
            }
            csv.End();
        }
        return csvPath;
    }
}
