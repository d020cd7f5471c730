using System.Buffers.Binary;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Sqlite;

/// <summary>
/// The structure check of a streamed SQLite database image: the 16-byte magic header, and a total
/// size equal to page size × page count as the header states.
/// </summary>
internal static class SqliteImageCheck
{
    private const int HeaderBytes = 100;
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>A pass-through that keeps the header for <see cref="EnsureComplete"/>.</summary>
    public static TailCaptureStream Capture(Stream inner) => new(inner, tailBytes: 1, headBytes: HeaderBytes);

    /// <exception cref="BackupFailedException">Not a SQLite image, or cut short.</exception>
    public static void EnsureComplete(TailCaptureStream image, string subject, string database)
    {
        var header = image.Head();
        var written = image.BytesWritten;
        if (header.Length < HeaderBytes || !header[..Magic.Length].SequenceEqual(Magic))
            throw new BackupFailedException($"{subject}: the copy of {database} is not a SQLite database ({written} bytes)");
        var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        if (pageSize == 1) pageSize = 65536;
        var pageCount = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        if (pageCount > 0 && pageSize * pageCount != written)
            throw new BackupFailedException($"{subject}: the copy of {database} is truncated ({written} of {pageSize * pageCount} bytes)");
    }
}
