using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace O2C.Analytics.Load;

/// <summary>
/// One streaming pass over a source file before anything touches the warehouse: its SHA-256, proof that it is UTF-8
/// (and, compressed, read to its verified end), its header, and its data records split by <see cref="CsvRecordSplitter"/>:
/// the good ones, each with the physical line it starts on, into a clean file (<see cref="Path"/>, what the load
/// reads, so the ledger's hash is of exactly the bytes loaded even if the source is replaced meanwhile), the
/// malformed ones into <see cref="Malformed"/> with their line and reason.
/// </summary>
public sealed record CsvFileScan(
    string Path,
    string FileName,
    string Sha256,
    long SizeBytes,
    IReadOnlyList<string> Header,
    long DataRecords,
    IReadOnlyList<MalformedRecord> Malformed)
{
    private const int ChunkSize = 1 << 20;

    /// <summary>
    /// The longest record accepted, in bytes (DuckDB's own CSV line limit is 2 MiB as well). A longer line fails the
    /// file at once, having read only that far: a 2 GB line costs 2 MiB of reading, not 2 GB of memory.
    /// </summary>
    public const int MaxRecordBytes = 2 * 1024 * 1024;

    /// <summary>The column the clean file adds before the source's own: the record's first physical line.</summary>
    public const string LineColumn = "_line";

    public static CsvFileScan Read(string path, string stagingFolder)
    {
        var fileName = System.IO.Path.GetFileName(path);
        // A symbolic link is read, sized and dated as its target (FileInfo of the link itself has the link's size).
        if (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target) path = target.FullName;
        var clean = System.IO.Path.Combine(stagingFolder, $"{Guid.NewGuid():N}-{System.IO.Path.GetFileNameWithoutExtension(fileName.Replace(".gz", "", StringComparison.Ordinal))}.csv");
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            using var file = File.OpenRead(path);
            using var output = new FileStream(clean, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            // The hash is of the bytes on disk (compressed or not), so the ledger identifies the file itself.
            var hashing = new HashingStream(file, hasher);
            var tail = new TrailingBytes(hashing, 8);
            GzipContentCheck? check = null;
            Stream content = CanonicalFileName.IsGzip(path)
                ? check = new GzipContentCheck(new GZipStream(tail, CompressionMode.Decompress, leaveOpen: true))
                : tail;
            try
            {
                var (header, records, malformed) = ScanContent(content, output, fileName);
                // Drain whatever the decompressor did not need so the hash covers the whole file.
                tail.CopyTo(Stream.Null);
                if (check is not null && !check.MatchesTrailer(tail.Last)
                    && !GzipContentCheck.LastMemberMatchesTrailer(path, file.Length, check.ContentLength, tail.Last))
                    throw new SourceFileException(fileName,
                        "the gzip file is cut short or corrupt (its content does not match the CRC-32 and length its trailer records); send the whole file again");
                return new CsvFileScan(clean, fileName, Convert.ToHexStringLower(hasher.GetHashAndReset()), file.Length, header, records, malformed);
            }
            finally
            {
                content.Dispose();
            }
        }
        catch (InvalidDataException e)
        {
            File.Delete(clean);
            throw new SourceFileException(fileName, $"not a readable gzip file ({e.Message})");
        }
        catch
        {
            File.Delete(clean);
            throw;
        }
    }

    private static (IReadOnlyList<string> Header, long Records, IReadOnlyList<MalformedRecord> Malformed) ScanContent(Stream content, Stream output, string fileName)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        // Pooled buffers: a load of thousands of small files would otherwise leave megabytes per file for the GC.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        var headerBytes = new List<byte>();
        CsvRecordSplitter? splitter = null;
        try
        {
        long line = 1;
        var any = false;

        int read;
        while ((read = content.Read(buffer, 0, ChunkSize)) > 0)
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
            var start = 0;
            if (splitter is null)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
                headerBytes.AddRange(buffer.AsSpan(0, newline < 0 ? read : newline).ToArray());
                if (headerBytes.Count > MaxRecordBytes)
                    throw new SourceFileException(fileName, $"the record starting on line 1 is longer than {MaxRecordBytes / (1024 * 1024)} MiB (an unclosed quote or a corrupt file)");
                if (newline < 0) continue;
                splitter = Splitter(headerBytes, output, fileName);
                start = newline + 1;
            }
            line += buffer.AsSpan(0, read).Count((byte)'\n');
            splitter.Feed(buffer.AsSpan(start, read - start));
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
        splitter ??= Splitter(headerBytes, output, fileName);
        splitter.Finish();
        return (ParseHeader(headerBytes, fileName), splitter.Records, splitter.Malformed);
        }
        finally
        {
            splitter?.Dispose();
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static CsvRecordSplitter Splitter(List<byte> headerBytes, Stream output, string fileName)
    {
        var header = ParseHeader(headerBytes, fileName);
        // The clean file's own header: the line column, then the source's (DuckDB is given the names explicitly).
        output.Write(Encoding.UTF8.GetBytes(LineColumn + "," + string.Join(",", header.Select((_, i) => $"c{i + 1}")) + "\n"));
        return new CsvRecordSplitter(output, header.Count, fileName, firstLine: 2);
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
