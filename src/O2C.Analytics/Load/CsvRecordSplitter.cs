using System.Globalization;
using System.Text;

namespace O2C.Analytics.Load;

/// <summary>A record that is not valid CSV: its first physical line, its text (cut to 500 characters) and why.</summary>
public sealed record MalformedRecord(long Line, string Text, string Reason);

/// <summary>
/// Splits the data records of a canonical CSV file (RFC 4180: a quote opens a field only at its start, "" inside a
/// quoted field is a quote, a quoted field may hold line breaks) and writes each good record, prefixed with the
/// physical line it starts on, to a clean file for DuckDB. A malformed record (a stray quote inside a value, a bare
/// carriage return, text after a closing quote, the wrong number of fields, a quote never closed) is set aside with
/// its line and reason, and only that record: a quote never closed is rejected on the line that opened it, and
/// reading starts again on the next line, so the rows after it still load. Blank lines of any length are skipped.
/// One pass, bytes only (',', '"', CR and LF never occur inside a UTF-8 multi-byte character).
/// </summary>
internal sealed class CsvRecordSplitter : IDisposable
{
    private enum State { FieldStart, Unquoted, Quoted, AfterQuote }

    private readonly Stream output;
    private readonly int expectedFields;
    private readonly string fileName;
    // Pooled: a load of thousands of small files would otherwise leave a 2 MiB array per file for the GC.
    private readonly byte[] record = System.Buffers.ArrayPool<byte>.Shared.Rent(CsvFileScan.MaxRecordBytes);
    private readonly List<MalformedRecord> malformed = [];
    private readonly byte[] lineText = new byte[24];

    private int length;
    private State state = State.FieldStart;
    private bool carriageReturn;
    private bool onlyBlank = true;
    private int fields = 1;
    private string? problem;
    private long line;
    private long recordLine;

    /// <param name="firstLine">The physical line the data starts on (2, after the header).</param>
    public CsvRecordSplitter(Stream output, int expectedFields, string fileName, long firstLine)
    {
        this.output = output;
        this.expectedFields = expectedFields;
        this.fileName = fileName;
        line = recordLine = firstLine;
    }

    public long Records { get; private set; }

    public IReadOnlyList<MalformedRecord> Malformed => malformed;

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
            if (Take(bytes[i]) is { } replay) Replay(replay);
    }

    /// <summary>The end of the file: a record without a final line break ends here; a quote never closed is set aside.</summary>
    public void Finish()
    {
        while (true)
        {
            if (state == State.Quoted)
            {
                if (Resync("a quoted field is never closed (a stray quote)", costly: true) is { } replay)
                {
                    Replay(replay);
                    continue;
                }
                // One line with a quote never closed, at the very end.
                Records++;
                malformed.Add(new MalformedRecord(recordLine, Text(length), "a quoted field is never closed (a stray quote)"));
                Reset();
                return;
            }
            carriageReturn = false;
            if (length == 0 || onlyBlank) return;
            if (EndRecord(terminated: false) is { } rest) Replay(rest);
            else return;
        }
    }

    /// <summary>Bytes read again after a resync, iteratively: a resync inside them puts its own rest first.</summary>
    private void Replay(byte[] data)
    {
        var current = data;
        var position = 0;
        while (position < current.Length)
        {
            if (Take(current[position++]) is { } again)
            {
                current = [.. again, .. current.AsSpan(position)];
                position = 0;
            }
        }
    }

    /// <summary>A record ends at a line break outside quotes: a blank line is skipped, else the record is written or set aside.</summary>
    private byte[]? EndLine()
    {
        if (onlyBlank) Reset(); // a blank line, however long: skipped
        else if (EndRecord(terminated: true) is { } rest) return rest;
        line++;
        recordLine = line;
        return null;
    }

    /// <returns>Bytes to read again (after a resync), or null.</returns>
    private byte[]? Take(byte b)
    {
        if (carriageReturn)
        {
            carriageReturn = false;
            if (b == (byte)'\n') return EndLine();
            problem ??= "a carriage return without a line feed inside the row (a bare CR)";
        }
        if (b == (byte)'\n' && state != State.Quoted) return EndLine();
        // Leading blanks of a line are not kept: a line of nothing else is blank however long, and values are trimmed.
        if (onlyBlank && state == State.FieldStart && length == 0 && (b == (byte)' ' || b == (byte)'\t')) return null;
        if (length == CsvFileScan.MaxRecordBytes)
        {
            // A quoted field that runs on for 2 MiB is a quote never closed: set the row aside and read on from the
            // next line. A single line that long is a corrupt file.
            if (state == State.Quoted && Resync("a quoted field runs past 2 MiB (a quote never closed)", costly: true) is { } rest)
                return [.. rest, b];
            throw new SourceFileException(fileName,
                $"the record starting on line {recordLine} is longer than {CsvFileScan.MaxRecordBytes / (1024 * 1024)} MiB (an unclosed quote or a corrupt file)");
        }
        if (b == (byte)'\r' && state != State.Quoted)
        {
            carriageReturn = true;
            record[length++] = b;
            return null;
        }
        record[length++] = b;
        if (b != (byte)' ' && b != (byte)'\t') onlyBlank = false;
        switch (state)
        {
            case State.FieldStart:
                if (b == (byte)'"') state = State.Quoted;
                else if (b == (byte)',') fields++;
                else state = State.Unquoted;
                break;
            case State.Unquoted:
                if (b == (byte)',')
                {
                    fields++;
                    state = State.FieldStart;
                }
                else if (b == (byte)'"') problem ??= "a quote inside an unquoted value (a stray quote)";
                break;
            case State.Quoted:
                if (b == (byte)'"') state = State.AfterQuote;
                else if (b == (byte)'\n') line++;
                break;
            case State.AfterQuote:
                if (b == (byte)'"') state = State.Quoted;
                else if (b == (byte)',')
                {
                    fields++;
                    state = State.FieldStart;
                }
                else
                {
                    problem ??= "text after the closing quote of a value (a stray quote)";
                    state = State.Unquoted;
                }
                break;
        }
        return null;
    }

    /// <returns>For a malformed record over several lines, what followed its first line, to be read again.</returns>
    private byte[]? EndRecord(bool terminated)
    {
        var end = length;
        if (end > 0 && record[end - 1] == (byte)'\r') end--;
        if (problem is null && fields != expectedFields)
            problem = $"the row has {fields} fields; the header has {expectedFields}";
        if (problem is not null && Array.IndexOf(record, (byte)'\n', 0, length) >= 0)
        {
            // A quote opened by mistake and "closed" lines later would swallow the rows between: only the first line
            // is set aside, and the lines after it are read again as rows of their own.
            var rest = Resync(problem, costly: false)!;
            return terminated ? [.. rest, (byte)'\n'] : rest;
        }
        Records++;
        if (problem is null)
        {
            var digits = recordLine.ToString(CultureInfo.InvariantCulture);
            var n = Encoding.ASCII.GetBytes(digits, lineText);
            lineText[n] = (byte)',';
            output.Write(lineText, 0, n + 1);
            output.Write(record, 0, end);
            output.WriteByte((byte)'\n');
        }
        else
        {
            malformed.Add(new MalformedRecord(recordLine, Text(end), problem));
        }
        Reset();
        return null;
    }

    /// <summary>
    /// Resyncs that re-read up to 2 MiB (a quote never closed) before a file is called corrupt: without a bound, a
    /// file whose every line opens a quote would be re-read 2 MiB a line while the warehouse is held.
    /// </summary>
    public const int MaxLongResyncs = 20;

    private int longResyncs;

    /// <summary>
    /// Sets aside the record as malformed on the line it started; returns what followed its first line break, to be
    /// read again. Null when the record holds no line break (nothing to read on from).
    /// </summary>
    private byte[]? Resync(string reason, bool costly)
    {
        var newline = Array.IndexOf(record, (byte)'\n', 0, length);
        if (newline < 0) return null;
        if (costly && ++longResyncs > MaxLongResyncs)
            throw new SourceFileException(fileName,
                $"more than {MaxLongResyncs} rows open a quote that is never closed (the last on line {recordLine}); the file looks corrupt");
        Records++;
        malformed.Add(new MalformedRecord(recordLine, Text(newline), reason));
        var rest = record.AsSpan(newline + 1, length - newline - 1).ToArray();
        var restart = recordLine + 1;
        Reset();
        line = recordLine = restart;
        return rest;
    }

    private string Text(int end)
    {
        var text = Encoding.UTF8.GetString(record, 0, Math.Min(end, 2000));
        return text.Length > 500 ? text[..500] : text;
    }

    public void Dispose() => System.Buffers.ArrayPool<byte>.Shared.Return(record);

    private void Reset()
    {
        length = 0;
        state = State.FieldStart;
        carriageReturn = false;
        onlyBlank = true;
        fields = 1;
        problem = null;
    }
}
