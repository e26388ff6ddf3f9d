using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace O2C.Analytics.Load;

/// <summary>
/// Proves a gzip file was read to its end. .NET's GZipStream (like DuckDB's reader) ends quietly when a file is cut
/// short, so a truncated export would load its first rows as if whole. The gzip trailer (RFC 1952 §2.3.1) holds the
/// CRC-32 and length (mod 2^32) of the uncompressed content: the content read must match both.
/// </summary>
internal sealed class GzipContentCheck(Stream decompressed) : Stream
{
    private readonly Crc32 crc = new();
    private long length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = decompressed.Read(buffer);
        crc.Append(buffer[..read]);
        length += read;
        return read;
    }

    /// <param name="trailer">The file's last 8 bytes.</param>
    public bool MatchesTrailer(ReadOnlySpan<byte> trailer) =>
        trailer.Length == 8
        && BinaryPrimitives.ReadUInt32LittleEndian(trailer) == crc.GetCurrentHashAsUInt32()
        && BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) == (uint)length;

    public long ContentLength => length;

    /// <summary>
    /// A file of several gzip members (cat a.gz b.gz, pigz): the trailer covers only the last member. A file cut short
    /// ends inside its last member, so finding a member start from which the rest of the file decompresses to exactly
    /// the trailer's CRC-32 and length proves the end was read (the members before it decompressed, or the read would
    /// have failed). The file is read again from its end; its length must still be the one hashed.
    /// </summary>
    public static bool LastMemberMatchesTrailer(string path, long expectedFileLength, long contentLength, ReadOnlySpan<byte> trailer)
    {
        if (trailer.Length != 8) return false;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        using var file = File.OpenRead(path);
        if (file.Length != expectedFileLength) return false;
        const int Window = 1 << 16;
        var buffer = new byte[Window + 2];
        var attempts = 0;
        // Candidates from the end backwards: the last member is the nearest header that decompresses to the trailer.
        for (var end = file.Length - 8; end > 18 && attempts < 256; end -= Window)
        {
            var start = Math.Max(18, end - Window);
            file.Position = start;
            var count = (int)Math.Min(Window + 2, file.Length - start);
            file.ReadExactly(buffer, 0, count);
            for (var i = (int)Math.Min(end - start, count - 3); i >= 0; i--)
            {
                // ID1 ID2 CM=8 (deflate), FLG with its reserved bits clear (RFC 1952 §2.3.1).
                if (buffer[i] != 0x1f || buffer[i + 1] != 0x8b || buffer[i + 2] != 8 || (i + 3 < count && (buffer[i + 3] & 0xE0) != 0)) continue;
                if (++attempts > 256) return false;
                if (MemberFrom(file, start + i) is { } member && member.Crc == crc && member.Length == size && member.Length <= contentLength)
                    return true;
            }
        }
        return false;
    }

    private static (uint Crc, long Length)? MemberFrom(FileStream file, long offset)
    {
        file.Position = offset;
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            var hash = new Crc32();
            var chunk = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                hash.Append(chunk.AsSpan(0, read));
                total += read;
            }
            return (hash.GetCurrentHashAsUInt32(), (uint)total);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
