using Baktainer.Abstractions.Streams;

namespace Baktainer.Storage.Local;

/// <summary>
/// Write-only pass-through that reports disk-full and permission errors with the folder named, and
/// starts the write-back of every few megabytes written (<see cref="Writeback"/>).
/// </summary>
internal sealed class DiskErrorStream(FileStream inner, string root) : WriteOnlyStream
{
    private const long WritebackEvery = 8 << 20;
    private const long BufferedAtMost = 2 << 20; // more than the file stream's buffer: the next range overlaps what may still be buffered
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle = inner.SafeFileHandle;
    private long _written;
    private long _writebackFrom;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try { await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
        Written(buffer.Length);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try { inner.Write(buffer); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
        Written(buffer.Length);
    }

    private void Written(int count)
    {
        _written += count;
        if (_written - _writebackFrom < WritebackEvery) return;
        Writeback.Start(_handle, _writebackFrom);
        _writebackFrom = Math.Max(0, _written - BufferedAtMost);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try { await inner.FlushAsync(cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
}
