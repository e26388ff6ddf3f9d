namespace O2C.Analytics.Load;

/// <summary>A read-through stream that keeps the last few bytes it passed on (a gzip file's trailer).</summary>
internal sealed class TrailingBytes(Stream inner, int keep) : Stream
{
    private readonly byte[] last = new byte[keep];
    private long total;

    /// <summary>The last bytes read, oldest first (fewer when the stream was shorter).</summary>
    public byte[] Last
    {
        get
        {
            var count = (int)Math.Min(total, last.Length);
            var result = new byte[count];
            for (var i = 0; i < count; i++) result[i] = last[(int)((total - count + i) % last.Length)];
            return result;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        for (var i = Math.Max(0, read - last.Length); i < read; i++) last[(int)((total + i) % last.Length)] = buffer[i];
        total += read;
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing) { }
}
