using System.Security.Cryptography;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Host.Encryption;

/// <summary>
/// Read-only: decrypts the streaming format, authenticating each segment before any of its bytes
/// is returned. A changed byte, a swapped, missing or extra segment, or a file cut anywhere makes
/// a read throw <see cref="EncryptionException"/> naming the segment; the stream never ends
/// normally without the flagged last segment.
/// </summary>
internal sealed class DecryptingStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _aad;
    private readonly byte[] _noncePrefix;
    private readonly byte[] _sealed;
    private readonly byte[] _plain;
    private int _sealedFilled;
    private int _plainStart;
    private int _plainEnd;
    private uint _segment;
    private bool _done;
    private readonly bool _leaveOpen;

    private DecryptingStream(Stream inner, EncryptionHeader header, byte[] headerBytes, byte[] fileKey, bool leaveOpen)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _aad = headerBytes;
        _noncePrefix = header.NoncePrefix;
        _aes = new AesGcm(EncryptionFormat.PayloadKey(fileKey, header.Salt), EncryptionFormat.TagSize);
        _sealed = new byte[header.SegmentSize + EncryptionFormat.TagSize + 1];
        _plain = new byte[header.SegmentSize];
    }

    /// <summary>Reads the header and recovers the file key with one of <paramref name="keys"/>.</summary>
    /// <exception cref="EncryptionException">A damaged header, or no key that opens the file (naming the key ids needed).</exception>
    public static async Task<DecryptingStream> OpenAsync(Stream inner, KeyRing keys, bool leaveOpen, CancellationToken cancellationToken)
    {
        var (header, bytes) = await EncryptionHeader.ReadAsync(inner, cancellationToken).ConfigureAwait(false);
        var fileKey = keys.Unwrap(header);
        return new DecryptingStream(inner, header, bytes, fileKey, leaveOpen);
    }

    /// <summary>The number of the segment being read (0-based), for messages.</summary>
    public uint Segment => _segment;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_plainStart == _plainEnd)
        {
            if (_done) return 0;
            await NextSegmentAsync(cancellationToken).ConfigureAwait(false);
        }
        var count = Math.Min(buffer.Length, _plainEnd - _plainStart);
        _plain.AsSpan(_plainStart, count).CopyTo(buffer.Span);
        _plainStart += count;
        return count;
    }

    private async Task NextSegmentAsync(CancellationToken cancellationToken)
    {
        // Read one byte beyond a whole segment: whether it exists says if this segment is the last.
        var want = _sealed.Length;
        _sealedFilled += await _inner.ReadAtLeastAsync(_sealed.AsMemory(_sealedFilled), want - _sealedFilled, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var last = _sealedFilled < want;
        var length = last ? _sealedFilled : want - 1;
        if (length < EncryptionFormat.TagSize)
            throw new EncryptionException(_segment == 0 && length == 0
                ? "the file ends right after its header, without any segment: it is truncated"
                : $"the file ends inside segment {_segment} ({length} bytes, less than its 16-byte tag): it is truncated");
        if (!TryOpen(length, last))
            throw new EncryptionException(Diagnose(length, last));
        if (!last)
        {
            _sealed[0] = _sealed[want - 1];
            _sealedFilled = 1;
        }
        else
        {
            _done = true;
        }
        _segment++;
    }

    private bool TryOpen(int length, bool last)
    {
        Span<byte> nonce = stackalloc byte[EncryptionFormat.NonceSize];
        EncryptionFormat.Nonce(_noncePrefix, _segment, last, nonce);
        var plainLength = length - EncryptionFormat.TagSize;
        try
        {
            _aes.Decrypt(nonce, _sealed.AsSpan(0, plainLength), _sealed.AsSpan(plainLength, EncryptionFormat.TagSize), _plain.AsSpan(0, plainLength), _aad);
            _plainStart = 0;
            _plainEnd = plainLength;
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>Tells a cut or extended file from damaged data by trying the other last-segment flag.</summary>
    private string Diagnose(int length, bool last)
    {
        if (TryOpen(length, !last))
            return last
                ? $"the file ends after segment {_segment} without its final segment: it is truncated"
                : $"data follows the final segment {_segment}: the file was extended or segments were moved";
        return _segment == 0
            ? "segment 0 fails authentication: the header or the first segment was changed, or segments were reordered"
            : $"segment {_segment} fails authentication: it was changed, reordered, or the file was cut inside it";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            if (!_leaveOpen) _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
