using System.Security.Cryptography;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Host.Restore;

/// <summary>Read-only pass-through that counts and SHA-256-hashes every byte read.</summary>
internal sealed class HashingReadStream(Stream inner, bool leaveOpen = false) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Reads whatever the consumer left unread, so the hash covers the whole file.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[128 * 1024];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0) { }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _hash.AppendData(buffer.Span[..read]);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!leaveOpen) inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
