namespace Baktainer.Abstractions.Streams;

/// <summary>
/// A write-only pass-through stream that remembers the last bytes written (and optionally the
/// first), so an engine can check a dump's completion marker or a binary format's header and
/// trailer while streaming it, without buffering the dump.
/// </summary>
public sealed class TailCaptureStream : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly byte[] _ring;
    private readonly byte[] _head;
    private long _written;

    /// <summary>
    /// Wraps <paramref name="inner"/>, keeping the last <paramref name="tailBytes"/> bytes (at least
    /// one) and the first <paramref name="headBytes"/> bytes.
    /// </summary>
    public TailCaptureStream(Stream inner, int tailBytes = 4096, int headBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tailBytes, 1);
        _inner = inner;
        _ring = new byte[tailBytes];
        _head = new byte[headBytes];
    }

    /// <summary>The first bytes written (at most the head size).</summary>
    public ReadOnlySpan<byte> Head() => _head.AsSpan(0, (int)Math.Min(_written, _head.Length));

    /// <summary>The number of bytes written so far.</summary>
    public long BytesWritten => _written;

    /// <summary>The last bytes written (at most the tail size), oldest first.</summary>
    public byte[] Tail()
    {
        var count = (int)Math.Min(_written, _ring.Length);
        var result = new byte[count];
        var start = (int)((_written - count) % _ring.Length);
        for (var i = 0; i < count; i++) result[i] = _ring[(start + i) % _ring.Length];
        return result;
    }

    /// <summary>The tail decoded as UTF-8 text.</summary>
    public string TailText() => System.Text.Encoding.UTF8.GetString(Tail());

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _inner.Write(buffer);
        Remember(buffer);
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span);
    }

    private void Remember(ReadOnlySpan<byte> data)
    {
        if (_written < _head.Length) data[..(int)Math.Min(data.Length, _head.Length - _written)].CopyTo(_head.AsSpan((int)_written));
        var keep = data.Length > _ring.Length ? data[^_ring.Length..] : data;
        var pos = (int)((_written + data.Length - keep.Length) % _ring.Length);
        var first = Math.Min(keep.Length, _ring.Length - pos);
        keep[..first].CopyTo(_ring.AsSpan(pos));
        keep[first..].CopyTo(_ring);
        _written += data.Length;
    }

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();
    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
    /// <inheritdoc />
    public override long Position { get => _written; set => throw new NotSupportedException(); }
}
