using System.Buffers.Binary;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Sqlite;

/// <summary>
/// Passes a SQLite database image through and checks its structure: the 16-byte magic header,
/// and a total size equal to page size × page count as the header states.
/// </summary>
internal sealed class SqliteImageCheckStream(Stream inner) : WriteOnlyStream
{
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();
    private readonly byte[] _header = new byte[100];
    private long _written;

    public void EnsureComplete(BackupTarget target) => EnsureComplete(target.DisplayName, target.Settings.Database!);

    public void EnsureComplete(string subject, string database)
    {
        if (_written < _header.Length || !_header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new BackupFailedException($"{subject}: the copy of {database} is not a SQLite database ({_written} bytes)");
        var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(16));
        if (pageSize == 1) pageSize = 65536;
        var pageCount = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(28));
        if (pageCount > 0 && pageSize * pageCount != _written)
            throw new BackupFailedException($"{subject}: the copy of {database} is truncated ({_written} of {pageSize * pageCount} bytes)");
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Remember(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span);
    }

    private void Remember(ReadOnlySpan<byte> data)
    {
        if (_written < _header.Length)
        {
            var take = (int)Math.Min(data.Length, _header.Length - _written);
            data[..take].CopyTo(_header.AsSpan((int)_written));
        }
        _written += data.Length;
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
