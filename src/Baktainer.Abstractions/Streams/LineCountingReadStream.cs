using System.Text;

namespace Baktainer.Abstractions.Streams;

/// <summary>
/// A read-only pass-through that hands every complete line (without its newline) to a callback
/// while the data streams on, keeping at most <c>maxLineBytes</c> of a line's start: engines use it
/// to count the rows in a text dump as it is restored.
/// </summary>
public sealed class LineCountingReadStream(Stream inner, Action<ReadOnlySpan<byte>, bool> onLine, int maxLineBytes = 4096) : ReadOnlyStream
{
    private readonly byte[] _head = new byte[maxLineBytes];
    private int _headLength;
    private bool _truncated;

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
            var room = _head.Length - _headLength;
            if (part.Length > room) _truncated = true;
            part[..Math.Min(room, part.Length)].CopyTo(_head.AsSpan(_headLength));
            _headLength += Math.Min(room, part.Length);
            if (newline < 0) return;
            Flush(end: false);
            data = data[(newline + 1)..];
        }
    }

    private void Flush(bool end)
    {
        if (end && _headLength == 0) return;
        // The second argument says whether the line was longer than what was kept.
        onLine(_head.AsSpan(0, _headLength), _truncated);
        _headLength = 0;
        _truncated = false;
    }
}
