using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace O2C.Analytics.Render.Excel;

/// <summary>
/// Text as a spreadsheet's XML stores it. Characters XML cannot hold (control characters from a source file) are
/// written as Excel's _xHHHH_ escape, and text that already looks like one has its underscore escaped (_x005F_), so
/// Excel shows exactly the text we had.
/// </summary>
public static partial class SpreadsheetText
{
    public static string Escape(string text)
    {
        if (!NeedsEscape(text)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                escaped.Append($"_x{(int)c:X4}_");
            }
            else if (c == '_' && EscapeLike().IsMatch(text.AsSpan(i)))
            {
                escaped.Append("_x005F_");
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
            if (c == '_' || !XmlConvert.IsXmlChar(c)) return true;
        return false;
    }

    [GeneratedRegex("^_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapeLike();
}
