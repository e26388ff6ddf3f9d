using O2C.Analytics.Sla;
using ClosedXML.Excel;

namespace O2C.Analytics.Render.Excel;

/// <summary>
/// Formula-injection defence: text from source data is always stored as a string, and text that begins with a
/// character a spreadsheet treats as the start of a formula (=, +, -, @, tab, CR) also carries Excel's quote prefix,
/// so it is shown literally and stays literal when someone edits the cell.
/// </summary>
public static class UntrustedText
{
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static void Set(IXLCell cell, string? text)
    {
        cell.SetValue(text ?? "");
        cell.DataType = XLDataType.Text;
        if (text is not null && LooksLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
    }
}
