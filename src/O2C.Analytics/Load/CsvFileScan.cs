using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace O2C.Analytics.Load;

/// <summary>
/// One streaming pass over a source file before anything touches the warehouse: its SHA-256, a private copy of its
/// bytes (<see cref="Path"/>, what the load reads), its header,
/// proof that it is UTF-8, and where records start when quoted fields hold line breaks (so every rejected
/// row can be reported with its true line number).
/// </summary>
public sealed record CsvFileScan(
    string Path,
    string FileName,
    string Sha256,
    long SizeBytes,
    IReadOnlyList<string> Header,
    long DataRecords,
    IReadOnlyList<LineOffset> LineOffsets)
{
    private const int ChunkSize = 1 << 20;

    /// <summary>
    /// The longest record accepted, in bytes (DuckDB's own CSV line limit is 2 MiB as well). A longer one fails the
    /// file at once, having read only that far: a 2 GB line costs 2 MiB of reading, not 2 GB of memory.
    /// </summary>
    public const int MaxRecordBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Scans a source file and copies its bytes into <paramref name="stagingFolder"/> in the same pass: the load reads
    /// the copy, so the ledger's hash is of exactly the bytes loaded, even if the source is replaced meanwhile.
    /// </summary>
    public static CsvFileScan Read(string path, string stagingFolder)
    {
        var fileName = System.IO.Path.GetFileName(path);
        // A symbolic link is read, sized and dated as its target (FileInfo of the link itself has the link's size).
        if (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target) path = target.FullName;
        var staged = System.IO.Path.Combine(stagingFolder, $"{Guid.NewGuid():N}-{fileName}");
        var gzip = CanonicalFileName.IsGzip(path);
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        GzipContentCheck? check = null;
        long size;
        try
        {
            using (var file = File.OpenRead(path))
            using (var copy = new FileStream(staged, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                // The hash is of the bytes on disk (compressed or not), so the ledger identifies the file itself.
                var hashing = new HashingStream(file, hasher, copy);
                Stream content = gzip ? check = new GzipContentCheck(new GZipStream(hashing, CompressionMode.Decompress, leaveOpen: true)) : hashing;
                try
                {
                    var (header, records, offsets) = ScanContent(content, fileName);
                    // Drain whatever the decompressor did not need so the hash and the copy cover the whole file.
                    hashing.CopyTo(Stream.Null);
                    size = copy.Length;
                    if (check is not null && !check.MatchesTrailer(LastBytes(copy, 8)))
                        throw new SourceFileException(fileName,
                            "the gzip file is cut short or corrupt (its content does not match the CRC-32 and length its trailer records); send the whole file again");
                    return new CsvFileScan(staged, fileName, Convert.ToHexStringLower(hasher.GetHashAndReset()), size,
                        header, records, offsets);
                }
                finally
                {
                    content.Dispose();
                }
            }
        }
        catch (InvalidDataException e)
        {
            File.Delete(staged);
            throw new SourceFileException(fileName, $"not a readable gzip file ({e.Message})");
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
    }

    private static byte[] LastBytes(FileStream copy, int count)
    {
        if (copy.Length < count) return [];
        copy.Seek(-count, SeekOrigin.End);
        var bytes = new byte[count];
        copy.ReadExactly(bytes);
        return bytes;
    }

    private static (IReadOnlyList<string> Header, long Records, List<LineOffset> Offsets) ScanContent(Stream content, string fileName)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[ChunkSize];
        var chars = new char[ChunkSize + 4];
        var headerBytes = new List<byte>();
        bool headerDone = false, inQuotes = false, recordHasContent = false, any = false;
        // records = completed records, the header being record 0; so the record being read is data record 'records'.
        long line = 1, records = 0, extraLines = 0, blankLines = 0, lastOffset = 0, recordBytes = 0, recordLine = 1;
        var offsets = new List<LineOffset>();

        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            any = true;
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                var badLine = line + buffer.AsSpan(0, Math.Max(0, Math.Min(read, e.Index))).Count((byte)'\n');
                throw new SourceFileException(fileName, $"not UTF-8 (invalid byte sequence on line {badLine}); save the file as UTF-8");
            }

            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (++recordBytes > MaxRecordBytes)
                    throw new SourceFileException(fileName,
                        $"the record starting on line {recordLine} is longer than {MaxRecordBytes / (1024 * 1024)} MiB (an unclosed quote or a corrupt file)");
                if (!headerDone)
                {
                    if (b == (byte)'\n') headerDone = true;
                    else headerBytes.Add(b);
                }
                if (b == (byte)'\n')
                {
                    line++;
                    if (inQuotes || !recordHasContent)
                    {
                        // A line break inside a quoted field, or a blank line: the next record starts one line later.
                        extraLines++;
                        if (!inQuotes) blankLines++;
                    }
                    else
                    {
                        records++;
                        recordHasContent = false;
                    }
                    if (!inQuotes)
                    {
                        recordBytes = 0;
                        recordLine = line;
                    }
                }
                else if (b != (byte)'\r')
                {
                    if (!recordHasContent)
                    {
                        recordHasContent = true;
                        if (records >= 1 && extraLines != lastOffset)
                        {
                            offsets.Add(new LineOffset(records, extraLines, blankLines));
                            lastOffset = extraLines;
                        }
                    }
                    if (b == (byte)'"') inQuotes = !inQuotes;
                }
            }
        }
        if (!any) throw new SourceFileException(fileName, "the file is empty (a header row is required)");
        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new SourceFileException(fileName, $"not UTF-8 (truncated byte sequence at the end of line {line}); save the file as UTF-8");
        }
        if (recordHasContent) records++; // a last record without a trailing newline
        var dataRecords = Math.Max(0, records - 1);
        return (ParseHeader(headerBytes, fileName), dataRecords, offsets);
    }

    private static IReadOnlyList<string> ParseHeader(List<byte> headerBytes, string fileName)
    {
        var text = Encoding.UTF8.GetString(headerBytes.ToArray()).TrimStart('\uFEFF').TrimEnd('\r');
        if (text.Trim().Length == 0) throw new SourceFileException(fileName, "the first line is empty (a header row is required)");
        var names = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { names.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        names.Add(current.ToString().Trim());
        if (names.Count == 1)
        {
            foreach (var (delimiter, label) in new[] { (';', "';'"), ('\t', "tab"), ('|', "'|'") })
                if (text.Contains(delimiter))
                    throw new SourceFileException(fileName, $"wrong delimiter: the header is separated by {label}; canonical files are comma-separated");
        }
        return names;
    }
}
