using System.Buffers.Binary;
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
