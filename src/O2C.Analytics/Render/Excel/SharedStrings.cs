using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace O2C.Analytics.Render.Excel;

/// <summary>
/// A saved workbook's shared string table, to which streamed cells add their text: each distinct text stored once
/// (a KPI's name on 1,200 rows is one entry), as ClosedXML itself writes text.
/// </summary>
internal sealed class SharedStrings
{
    private readonly SharedStringTable table;
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private int count;
    private readonly uint references;
    private uint added;

    public SharedStrings(WorkbookPart workbookPart)
    {
        var part = workbookPart.SharedStringTablePart ?? workbookPart.AddNewPart<SharedStringTablePart>();
        table = part.SharedStringTable ??= new SharedStringTable();
        references = table.Count?.Value ?? 0;
        foreach (var item in table.Elements<SharedStringItem>())
        {
            // Only plain entries are reused; formatted runs keep their own.
            if (item.Text is { } text && !item.Elements<Run>().Any()) index.TryAdd(text.Text, count);
            count++;
        }
    }

    public int IndexOf(string text)
    {
        added++;
        var escaped = SpreadsheetText.Escape(text);
        if (index.TryGetValue(escaped, out var at)) return at;
        var item = new Text(escaped);
        // Leading or trailing spaces survive only when the text says to keep them.
        if (escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1])))
            item.Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve;
        table.Append(new SharedStringItem(item));
        index[escaped] = count;
        return count++;
    }

    public void Save()
    {
        // Count is every cell's reference to the table, UniqueCount its entries.
        table.Count = references + added;
        table.UniqueCount = (uint)count;
        table.Save();
    }
}
