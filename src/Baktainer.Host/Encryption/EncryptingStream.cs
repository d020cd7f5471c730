using System.Security.Cryptography;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Host.Encryption;

/// <summary>
/// Write-only: encrypts what is written into <paramref name="inner"/> in the streaming format,
/// one fixed-size segment at a time (memory stays at one segment). The header goes out with the
/// first bytes; <see cref="FinishAsync"/> writes the last segment with its flag. Without it the
/// output has no final segment and never decrypts: an interrupted stream cannot pass for a whole one.
/// </summary>
internal sealed class EncryptingStream : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _header;
    private readonly byte[] _noncePrefix;
    private readonly byte[] _plain;
    private readonly byte[] _sealed;
    private int _filled;
    private uint _segment;
    private bool _headerWritten;
    private bool _finished;

    public EncryptingStream(Stream inner, IReadOnlyList<IRecipient> recipients, int segmentSize = EncryptionFormat.DefaultSegmentSize)
    {
        if (recipients.Count is 0 or > 255) throw new ArgumentException("one to 255 recipients", nameof(recipients));
        _inner = inner;
        var fileKey = RandomNumberGenerator.GetBytes(EncryptionFormat.FileKeySize);
        var salt = RandomNumberGenerator.GetBytes(EncryptionFormat.SaltSize);
        _noncePrefix = RandomNumberGenerator.GetBytes(EncryptionFormat.NoncePrefixSize);
        var stanzas = recipients.Select(r => r.Wrap(fileKey, salt)).ToList();
        _header = new EncryptionHeader(segmentSize, salt, _noncePrefix, stanzas).ToBytes();
        _aes = new AesGcm(EncryptionFormat.PayloadKey(fileKey, salt), EncryptionFormat.TagSize);
        CryptographicOperations.ZeroMemory(fileKey);
        _plain = new byte[segmentSize];
        _sealed = new byte[segmentSize + EncryptionFormat.TagSize];
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            // A full segment is sealed only once more data arrives: the last one must carry the flag.
            if (_filled == _plain.Length) await SealAsync(last: false, cancellationToken).ConfigureAwait(false);
            var take = Math.Min(buffer.Length, _plain.Length - _filled);
            buffer.Span[..take].CopyTo(_plain.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    /// <summary>Seals the last segment (flagged as last) and flushes.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_finished) return;
        await SealAsync(last: true, cancellationToken).ConfigureAwait(false);
        _finished = true;
        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SealAsync(bool last, CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            await _inner.WriteAsync(_header, cancellationToken).ConfigureAwait(false);
            _headerWritten = true;
        }
        Span<byte> nonce = stackalloc byte[EncryptionFormat.NonceSize];
        EncryptionFormat.Nonce(_noncePrefix, _segment, last, nonce);
        _aes.Encrypt(nonce, _plain.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), _sealed.AsSpan(_filled, EncryptionFormat.TagSize), _header);
        await _inner.WriteAsync(_sealed.AsMemory(0, _filled + EncryptionFormat.TagSize), cancellationToken).ConfigureAwait(false);
        _segment = checked(_segment + 1);
        _filled = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }
        base.Dispose(disposing);
    }
}
