using Baktainer.Abstractions.Streams;

namespace Baktainer.Storage.Local;

/// <summary>Write-only pass-through that reports disk-full and permission errors with the folder named.</summary>
internal sealed class DiskErrorStream(FileStream inner, string root) : WriteOnlyStream
{
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try { await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try { inner.Write(buffer); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try { await inner.FlushAsync(cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw DiskErrors.Explain(e, root, "writing the backup"); }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
}
