using System.Buffers.Binary;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Redis;

/// <summary>
/// A pass-through for an RDB stream that checks its structure: the <c>REDISnnnn</c> magic, the final
/// end-of-file opcode (0xFF) and the CRC-64 after it. It always holds back the last 49 bytes, so the
/// 40-byte end-of-file marker that <c>redis-cli --rdb -</c> appends with diskless replication is never
/// written: what reaches the destination is exactly the server's RDB file. Memory stays constant.
/// </summary>
internal sealed class RdbStream(Stream destination) : WriteOnlyStream
{
    private const int MagicBytes = 9;
    private const int EndBytes = 9;
    private const int MarkerBytes = 40;
    private const int HeldBytes = EndBytes + MarkerBytes;
    private const byte EofOpcode = 0xFF;

    private readonly byte[] _head = new byte[MagicBytes];
    private readonly byte[] _held = new byte[HeldBytes];
    private int _headCount;
    private int _heldCount;
    private ulong _crc;
    private long _released;

    /// <summary>The RDB version from the magic (e.g. 10 for Redis 7.0), once the header was seen.</summary>
    public int Version { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        CaptureHead(buffer.Span);
        var release = _heldCount + buffer.Length - HeldBytes;
        if (release <= 0)
        {
            buffer.CopyTo(_held.AsMemory(_heldCount));
            _heldCount += buffer.Length;
            return;
        }
        var fromHeld = Math.Min(release, _heldCount);
        await ReleaseAsync(_held.AsMemory(0, fromHeld), cancellationToken).ConfigureAwait(false);
        Buffer.BlockCopy(_held, fromHeld, _held, 0, _heldCount - fromHeld);
        _heldCount -= fromHeld;
        await ReleaseAsync(buffer[..(release - fromHeld)], cancellationToken).ConfigureAwait(false);
        buffer[(release - fromHeld)..].CopyTo(_held.AsMemory(_heldCount));
        _heldCount = HeldBytes;
    }

    /// <summary>Checks the end of the stream and writes the RDB's last bytes (without the marker).</summary>
    /// <param name="subject">Names the target in errors.</param>
    /// <param name="cancellationToken">Cancels the final write.</param>
    /// <exception cref="BackupFailedException">Not an RDB stream, or truncated, or its checksum does not match.</exception>
    public async Task CompleteAsync(string subject, CancellationToken cancellationToken)
    {
        var total = _released + _heldCount;
        if (_headCount < MagicBytes || !_head.AsSpan(0, 5).SequenceEqual("REDIS"u8) || !int.TryParse(_head.AsSpan(5, 4), out var version))
            throw new BackupFailedException($"{subject}: the output of redis-cli --rdb is not an RDB file ({total} bytes, no REDIS magic)");
        Version = version;
        var end = EndOf(withMarker: true) ?? EndOf(withMarker: false)
            ?? throw new BackupFailedException($"{subject}: the RDB stream is truncated: it does not end with the end-of-file opcode and a matching CRC-64 ({total} bytes)");
        await ReleaseAsync(_held.AsMemory(0, end), cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where the RDB ends within the held bytes, if it ends there with a valid EOF and checksum.</summary>
    private int? EndOf(bool withMarker)
    {
        var end = _heldCount - (withMarker ? MarkerBytes : 0);
        if (end < EndBytes || (withMarker && !_held.AsSpan(end, MarkerBytes).ToArray().All(b => char.IsAsciiHexDigitLower((char)b))))
            return null;
        if (_held[end - EndBytes] != EofOpcode) return null;
        var stored = BinaryPrimitives.ReadUInt64LittleEndian(_held.AsSpan(end - 8, 8));
        var computed = Crc64.Update(_crc, _held.AsSpan(0, end - 8));
        return stored == computed || (stored == 0 && Version >= 5) ? end : null; // 0: written with rdbchecksum no
    }

    private void CaptureHead(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(MagicBytes - _headCount, data.Length);
        if (take <= 0) return;
        data[..take].CopyTo(_head.AsSpan(_headCount));
        _headCount += take;
    }

    private async ValueTask ReleaseAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.IsEmpty) return;
        _crc = Crc64.Update(_crc, data.Span);
        _released += data.Length;
        await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }
}
