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
    private readonly ValueTask[] _pending = new ValueTask[copies.Count];

    public long BytesWritten { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        BytesWritten += buffer.Length;
        return EachAsync(buffer, static (copy, data, token) => copy.Upload!.Content.WriteAsync(data, token), cancellationToken);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        EachAsync(default, static (copy, _, token) => new ValueTask(copy.Upload!.Content.FlushAsync(token)), cancellationToken).AsTask();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="action"/> on every live copy at once and waits for all of them, without
    /// allocating per call (it runs for every block of the dump): the data travels as an argument
    /// and the delegates are static. Not generic, so the published build has it precompiled.
    /// </summary>
    private async ValueTask EachAsync(ReadOnlyMemory<byte> data, Func<StorageCopy, ReadOnlyMemory<byte>, CancellationToken, ValueTask> action, CancellationToken cancellationToken)
    {
        if (copies.Count == 1)
        {
            await action(copies[0], data, cancellationToken).ConfigureAwait(false); // one storage: its own failure is the backup's
            return;
        }
        for (var i = 0; i < copies.Count; i++)
            _pending[i] = copies[i].Live ? Start(copies[i], data, action, cancellationToken) : ValueTask.CompletedTask;
        for (var i = 0; i < copies.Count; i++)
        {
            var pending = _pending[i];
            _pending[i] = default;
            try { await pending.ConfigureAwait(false); }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException) { copies[i].Fail(e); }
        }
        for (var i = 0; i < copies.Count; i++)
            if (copies[i].Live) return;
        throw new BaktainerException(string.Join("; ", copies.Select(c => c.Failure)));
    }

    /// <summary>The copy's operation, with an exception it throws before returning a task turned into a faulted one.</summary>
    private static ValueTask Start(StorageCopy copy, ReadOnlyMemory<byte> data, Func<StorageCopy, ReadOnlyMemory<byte>, CancellationToken, ValueTask> action, CancellationToken cancellationToken)
    {
        try { return action(copy, data, cancellationToken); }
        catch (Exception e) { return ValueTask.FromException(e); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
