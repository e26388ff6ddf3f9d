using System.IO.Compression;

namespace O2C.Analytics.Tests.Support;

/// <summary>Everything an .xlsx (a zip) says, as text: XML parts with their entities decoded, other parts as read.</summary>
public static class WorkbookText
{
    public static string Of(Stream xlsx)
    {
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        return string.Concat(zip.Entries.Select(entry =>
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            return entry.FullName.EndsWith(".xml", StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
        }));
    }

    public static string Of(string path)
    {
        using var file = File.OpenRead(path);
        return Of(file);
    }
}
