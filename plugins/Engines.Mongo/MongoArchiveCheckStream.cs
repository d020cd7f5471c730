using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Mongo;

/// <summary>
/// Checks a mongodump archive's structure while passing it through: it must start with the
/// archive magic number and end with the 0xFFFFFFFF terminator that mongodump writes last.
/// </summary>
internal sealed class MongoArchiveCheckStream(Stream inner) : WriteOnlyStream
{
    private static readonly byte[] Magic = [0x6d, 0xe2, 0x99, 0x81];
    private static readonly byte[] Terminator = [0xff, 0xff, 0xff, 0xff];
    private readonly TailCaptureStream _tail = new(inner, 16);
    private readonly byte[] _head = new byte[4];

    public void EnsureComplete(BackupTarget target) => EnsureComplete(target.DisplayName);

    public void EnsureComplete(string subject)
    {
        if (_tail.BytesWritten < 8 || !_head.AsSpan().SequenceEqual(Magic))
            throw new BackupFailedException($"{subject}: mongodump output is not a mongodump archive ({_tail.BytesWritten} bytes)");
        if (!_tail.Tail().AsSpan().EndsWith(Terminator))
            throw new BackupFailedException($"{subject}: mongodump archive does not end with its terminator ({_tail.BytesWritten} bytes); the dump is incomplete and was not kept");
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        RememberHead(buffer);
        _tail.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        RememberHead(buffer.Span);
        await _tail.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private void RememberHead(ReadOnlySpan<byte> data)
    {
        var have = (int)Math.Min(_tail.BytesWritten, _head.Length);
        if (have < _head.Length) data[..Math.Min(data.Length, _head.Length - have)].CopyTo(_head.AsSpan(have));
    }

    public override void Flush() => _tail.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _tail.FlushAsync(cancellationToken);
}
