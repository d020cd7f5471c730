namespace Baktainer.Storage.Local;

/// <summary>Write-only pass-through that reports disk-full and permission errors with the folder named.</summary>
internal sealed class DiskErrorStream(FileStream inner, string root) : Stream
{
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try { await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        try { inner.Write(buffer, offset, count); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try { await inner.FlushAsync(cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
