using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace O2C.Analytics.Render.Csv;

/// <summary>
/// The one CSV writer: every CSV the product writes (sample and staged canonical files, `o2c kpi`, `o2c sql`) goes
/// through it, so all quote alike: RFC 4180 (a field holding a comma, quote, CR or LF is quoted, quotes doubled),
/// '\n' line ends, invariant number and date formats, an empty field for null.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private bool _firstField = true;

    /// <summary>A new file (UTF-8 without BOM), gzip-compressed when asked.</summary>
    public CsvWriter(string path, bool gzip, params string[] header)
        : this(FileWriter(path, gzip), ownsWriter: true, header)
    {
    }

    /// <summary>Onto a writer the caller owns (standard output, a string).</summary>
    public CsvWriter(TextWriter writer, params string[] header)
        : this(writer, ownsWriter: false, header)
    {
    }

    private CsvWriter(TextWriter writer, bool ownsWriter, IReadOnlyList<string> header)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        foreach (var h in header) Text(h);
        End();
        Rows = 0;
    }

    private static StreamWriter FileWriter(string path, bool gzip)
    {
        Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (gzip) stream = new GZipStream(stream, CompressionLevel.SmallestSize);
        return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
    }

    public long Rows { get; private set; }

    /// <param name="quoteEmpty">Write an empty string as "" so it reads back apart from a null (an empty field).</param>
    public CsvWriter Text(string? value, bool quoteEmpty = false)
    {
        Separator();
        if (value is "" && quoteEmpty)
        {
            _writer.Write("\"\"");
            return this;
        }
        if (string.IsNullOrEmpty(value)) return this;
        if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            _writer.Write("\"" + value.Replace("\"", "\"\"") + "\"");
        else
            _writer.Write(value);
        return this;
    }

    public CsvWriter Date(DateOnly? value)
    {
        Separator();
        if (value is { } d) _writer.Write(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return this;
    }

    public CsvWriter Money(decimal? value)
    {
        Separator();
        // Two decimals at least (cents), three where the amount has them (KWD, BHD, OMR).
        if (value is { } v) _writer.Write(v.ToString("0.00#", CultureInfo.InvariantCulture));
        return this;
    }

    public CsvWriter Number(decimal value, string format)
    {
        Separator();
        _writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
        return this;
    }

    public CsvWriter Integer(long value)
    {
        Separator();
        _writer.Write(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public CsvWriter Flag(bool value) => Text(value ? "true" : "false");

    public void End()
    {
        _writer.Write('\n');
        _firstField = true;
        Rows++;
    }

    private void Separator()
    {
        if (!_firstField) _writer.Write(',');
        _firstField = false;
    }

    public void Dispose()
    {
        if (_ownsWriter) _writer.Dispose();
        else _writer.Flush();
    }
}
