using O2C.Analytics.Render.Csv;
using System.Globalization;
using ClosedXML.Excel;
using O2C.Analytics.Generate;

namespace O2C.Analytics.Extract.Tabular;

/// <summary>
/// The first sheet of a workbook as a CSV file, so that Excel sources map exactly like CSV sources. Cells are
/// written as their values: dates as yyyy-MM-dd, numbers in invariant form, text as typed (never evaluated). A
/// formula cell is written as the value Excel saved with it, never recalculated here: the export is what the ERP
/// user saw (a formula over another formula, a link or TODAY() would otherwise give another figure).
/// </summary>
public static class XlsxToCsv
{
    /// <summary>
    /// ClosedXML holds a workbook in memory, so what it would expand to is bounded first: an .xlsx is a zip, and a
    /// few megabytes of it can inflate to gigabytes. Declared sizes are checked, then the real inflated bytes are
    /// counted (a zip can lie about its sizes), stopping as soon as the bound is passed.
    /// </summary>
    public const long MaxExpandedBytes = 512L * 1024 * 1024;

    public static void CheckExpansion(string xlsxPath)
    {
        var name = Path.GetFileName(xlsxPath);
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(xlsxPath);
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > MaxExpandedBytes) throw TooBig(name, declared);
            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                int n;
                while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                    if ((inflated += n) > MaxExpandedBytes) throw TooBig(name, inflated);
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}: not a readable .xlsx (zip) file: {e.Message}", e);
        }
    }

    private static InvalidDataException TooBig(string name, long bytes) =>
        new($"{name}: expands to more than {MaxExpandedBytes / (1024 * 1024)} MiB ({bytes / (1024 * 1024):N0} MiB seen); refused (export it as CSV)");

    public static string Convert(string xlsxPath, string folder)
    {
        CheckExpansion(xlsxPath);
        var csvPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(xlsxPath) + ".xlsx.csv");
        using var workbook = new XLWorkbook(xlsxPath);
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null) throw new InvalidDataException($"{Path.GetFileName(xlsxPath)}: the first sheet is empty");
        var lastColumn = used.LastColumn().ColumnNumber();
        var header = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(used.FirstRow().RowNumber(), c).GetString().Trim()).ToArray();
        using var csv = new CsvWriter(csvPath, gzip: false, header);
        foreach (var row in used.RowsUsed().Skip(1))
        {
            for (var c = 1; c <= lastColumn; c++)
            {
                var cell = row.Cell(c);
                csv.Text(cell.HasFormula ? SavedValue(cell) : cell.IsEmpty() ? null : cell.DataType switch
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

    /// <summary>The value saved with a formula cell (empty when the file was saved without one).</summary>
    private static string? SavedValue(IXLCell cell)
    {
        var saved = cell.CachedValue;
        return saved switch
        {
            null => null,
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double n when cell.DataType == XLDataType.DateTime => DateTime.FromOADate(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => System.Convert.ToString(saved, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null,
        };
    }
}
