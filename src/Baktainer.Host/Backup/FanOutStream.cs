using System.Security.Cryptography;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Host.Backup;

/// <summary>
/// Write-only: every write goes to each live storage copy at once (a slow storage slows the backup,
/// nothing is buffered for it) and into a SHA-256 of the stored bytes, and is counted. A copy whose
/// write fails is marked failed and left out from then on; only when no copy is left does writing fail.
/// </summary>
internal sealed class FanOutStream(IReadOnlyList<StorageCopy> copies) : WriteOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesWritten { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        BytesWritten += buffer.Length;
        if (copies.Count == 1) // the common case, without a closure per write
            await copies[0].Upload!.Content.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        else await EachAsync(copy => copy.Upload!.Content.WriteAsync(buffer, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        EachAsync(copy => copy.Upload!.Content.FlushAsync(cancellationToken), cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    private async Task EachAsync(Func<StorageCopy, Task> action, CancellationToken cancellationToken)
    {
        if (copies.Count == 1)
        {
            await action(copies[0]).ConfigureAwait(false); // one storage: its own failure is the backup's
            return;
        }
        var live = copies.Where(c => c.Live).ToList();
        if (live.Count == 1) await GuardAsync(live[0], action, cancellationToken).ConfigureAwait(false);
        else await Task.WhenAll(live.Select(c => GuardAsync(c, action, cancellationToken))).ConfigureAwait(false);
        if (!copies.Any(c => c.Live))
            throw new BaktainerException(string.Join("; ", copies.Select(c => c.Failure)));
    }

    private static async Task GuardAsync(StorageCopy copy, Func<StorageCopy, Task> action, CancellationToken cancellationToken)
    {
        try { await action(copy).ConfigureAwait(false); }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException) { copy.Fail(e); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
