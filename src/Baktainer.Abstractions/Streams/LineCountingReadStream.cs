using System.Text;

namespace Baktainer.Abstractions.Streams;

/// <summary>
/// A read-only pass-through that hands every line (without its newline) to a callback while the
/// data streams on, keeping at most <c>maxLineBytes</c> of a line's start (a longer line is still
/// one call, with its start): engines use it to count the rows in a text dump as it is restored.
/// </summary>
public sealed class LineCountingReadStream(Stream inner, Action<ReadOnlySpan<byte>> onLine, int maxLineBytes = 4096) : ReadOnlyStream
{
    private readonly byte[] _head = new byte[maxLineBytes];
    private int _headLength;

    /// <summary>Decodes a captured line start as UTF-8.</summary>
    public static string Text(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line);

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0) Flush(end: true);
        else Scan(buffer.Span[..read]);
        return read;
    }

    private void Scan(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            var newline = data.IndexOf((byte)'\n');
            var part = newline < 0 ? data : data[..newline];
            var take = Math.Min(_head.Length - _headLength, part.Length);
            part[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            if (newline < 0) return;
            Flush(end: false);
            data = data[(newline + 1)..];
        }
    }

    private void Flush(bool end)
    {
        if (end && _headLength == 0) return;
        onLine(_head.AsSpan(0, _headLength));
        _headLength = 0;
    }
}
