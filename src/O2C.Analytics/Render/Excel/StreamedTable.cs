using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace O2C.Analytics.Render.Excel;

/// <summary>
/// A long table (the analyst workbook's 53,000 KPI values at 10M) written in two steps: ClosedXML writes the header
/// and the first row, with the table, its formats and the sheet around them; after the save, the other rows are
/// streamed into the saved sheet with the Open XML SDK, each cell taking the first row's style for its column.
/// ClosedXML 0.95 held every cell as an object and took about 4 s to build and save those 53,000 rows; streamed,
/// they take a fraction of that. The cells read back the same as <see cref="TableWriter.Write"/>'s.
/// </summary>
public sealed class StreamedTable
{
    private readonly string sheetName;
    private readonly string tableName;
    private readonly int firstDataRow;
    private readonly int firstColumn;
    private readonly ReportTable table;

    private StreamedTable(string sheetName, string tableName, int firstDataRow, int firstColumn, ReportTable table)
    {
        this.sheetName = sheetName;
        this.tableName = tableName;
        this.firstDataRow = firstDataRow;
        this.firstColumn = firstColumn;
        this.table = table;
    }

    /// <summary>
    /// Writes the header and the first row as <see cref="TableWriter.Write"/> does; the rest waits for
    /// <see cref="WorkbookFile.SaveAtomically"/>. Returns null when the table has no rows after its first.
    /// </summary>
    public static StreamedTable? Write(IXLWorksheet ws, int row, int column, ReportTable table, string tableName)
    {
        if (table.Columns.Any(c => c.Kind == ColumnKind.ScaledAmount))
            throw new ArgumentException("a streamed table's columns take one number format each; a scaled amount's varies by row");
        TableWriter.Write(ws, row, column, table with { Rows = table.Rows.Take(1).ToList() }, tableName);
        return table.Rows.Count > 1 ? new StreamedTable(ws.Name, tableName, row + 1, column, table) : null;
    }

    /// <summary>
    /// Streams rows 2.. into the saved workbook (opened with AutoSave off: WorkbookFile.SaveAtomically) and widens the
    /// table over them.
    /// </summary>
    internal void AppendRows(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("the saved workbook has no workbook part");
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name?.Value == sheetName);
        var sheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var lastRow = firstDataRow + table.Rows.Count - 1;
        var lastColumn = firstColumn + table.Columns.Count - 1;

        // The sheet as ClosedXML wrote it is small (titles, header, one row): copied whole, so the part can be
        // rewritten from the copy (AutoSave off: the part's own tree is never saved over what is streamed).
        var worksheet = (Worksheet)sheetPart.Worksheet.CloneNode(true);
        var template = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Single(r => r.RowIndex?.Value == (uint)firstDataRow);
        var styles = ColumnStyles(template, workbookPart);
        var strings = new SharedStrings(workbookPart);

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartDocument(true);
            writer.WriteStartElement(worksheet, worksheet.GetAttributes(), worksheet.NamespaceDeclarations);
            foreach (var child in worksheet.ChildElements)
            {
                switch (child)
                {
                    case SheetDimension:
                        writer.WriteElement(new SheetDimension { Reference = $"A1:{ColumnName(lastColumn)}{lastRow}" });
                        break;
                    case SheetData data:
                        writer.WriteStartElement(new SheetData());
                        foreach (var existing in data.Elements<Row>()) writer.WriteElement(existing.CloneNode(true));
                        for (var r = 1; r < table.Rows.Count; r++) WriteRow(writer, firstDataRow + r, table.Rows[r], styles, strings);
                        writer.WriteEndElement();
                        break;
                    default:
                        writer.WriteElement(child.CloneNode(true));
                        break;
                }
            }
            writer.WriteEndElement();
        }

        var range = $"{ColumnName(firstColumn)}{firstDataRow - 1}:{ColumnName(lastColumn)}{lastRow}";
        var tablePart = sheetPart.TableDefinitionParts.Single(p => p.Table.Name?.Value == tableName);
        tablePart.Table.Reference = range;
        if (tablePart.Table.AutoFilter is { } filter) filter.Reference = range;
        tablePart.Table.Save();
        workbookPart.WorkbookStylesPart?.Stylesheet.Save();
        strings.Save();
    }

    /// <summary>Each column's style index from the first row, and the same with Excel's quote prefix for source text.</summary>
    private (uint? Plain, uint? Quoted)[] ColumnStyles(Row template, WorkbookPart workbookPart)
    {
        var cells = template.Elements<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.StyleIndex?.Value);
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!;
        var result = new (uint? Plain, uint? Quoted)[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var plain = cells.GetValueOrDefault($"{ColumnName(firstColumn + c)}{firstDataRow}");
            uint? quoted = null;
            if (table.Columns[c].Kind == ColumnKind.SourceText)
            {
                var format = (CellFormat)formats.Elements<CellFormat>().ElementAt((int)(plain ?? 0)).CloneNode(true);
                format.QuotePrefix = true;
                formats.Append(format);
                quoted = (uint)formats.Elements<CellFormat>().Count() - 1;
                formats.Count = quoted + 1;
            }
            result[c] = (plain, quoted);
        }
        return result;
    }

    private void WriteRow(OpenXmlWriter writer, int rowNumber, object?[] values, (uint? Plain, uint? Quoted)[] styles, SharedStrings strings)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowNumber.ToString(CultureInfo.InvariantCulture))]);
        for (var c = 0; c < values.Length; c++)
        {
            var (text, isNumber) = CellText(values[c], table.Columns[c].Kind);
            if (text is null) continue;
            var style = !isNumber && table.Columns[c].Kind == ColumnKind.SourceText && UntrustedText.LooksLikeFormula(text)
                ? styles[c].Quoted : styles[c].Plain;
            var attributes = new List<OpenXmlAttribute>(3) { new("r", "", $"{ColumnName(firstColumn + c)}{rowNumber}") };
            if (style is { } s) attributes.Add(new("s", "", s.ToString(CultureInfo.InvariantCulture)));
            if (!isNumber)
            {
                attributes.Add(new("t", "", "s"));
                text = strings.IndexOf(text).ToString(CultureInfo.InvariantCulture);
            }
            writer.WriteStartElement(new Cell(), attributes);
            writer.WriteElement(new CellValue(text));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>A value as the cell's text and whether it is a number (dates are serial numbers), as TableWriter.WriteCell stores it.</summary>
    private static (string? Text, bool IsNumber) CellText(object? value, ColumnKind kind) => value switch
    {
        null => (null, false),
        string s => (s, false),
        bool b => (b ? "yes" : "no", false),
        DateOnly d => (d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), true),
        DateTime t => (t.ToOADate().ToString("R", CultureInfo.InvariantCulture), true),
        _ => (Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), true),
    };

    /// <summary>A column's letters: 1 → A, 27 → AA.</summary>
    internal static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (; column > 0; column = (column - 1) / 26) name.Insert(0, (char)('A' + (column - 1) % 26));
        return name.ToString();
    }
}
