using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace O2C.Analytics.Generate;

/// <summary>A streaming writer of one canonical CSV file (UTF-8, '\n', RFC 4180 quoting, invariant formats).</summary>
public sealed class CsvOut : IDisposable
{
    private readonly StreamWriter _writer;
    private bool _firstField = true;

    public CsvOut(string path, bool gzip, params string[] header)
    {
        Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (gzip) stream = new GZipStream(stream, CompressionLevel.SmallestSize);
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        foreach (var h in header) Text(h);
        End();
        Rows = 0;
    }

    public long Rows { get; private set; }

    public CsvOut Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value)) return this;
        if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            _writer.Write("\"" + value.Replace("\"", "\"\"") + "\"");
        else
            _writer.Write(value);
        return this;
    }

    public CsvOut Date(DateOnly? value)
    {
        Separator();
        if (value is { } d) _writer.Write(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return this;
    }

    public CsvOut Money(decimal? value)
    {
        Separator();
        // Two decimals at least (cents), three where the amount has them (KWD, BHD, OMR).
        if (value is { } v) _writer.Write(v.ToString("0.00#", CultureInfo.InvariantCulture));
        return this;
    }

    public CsvOut Number(decimal value, string format)
    {
        Separator();
        _writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
        return this;
    }

    public CsvOut Integer(long value)
    {
        Separator();
        _writer.Write(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public CsvOut Flag(bool value) => Text(value ? "true" : "false");

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

    public void Dispose() => _writer.Dispose();
}
