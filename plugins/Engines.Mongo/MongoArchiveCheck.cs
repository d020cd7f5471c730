using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Mongo;

/// <summary>
/// The structure check of a streamed mongodump archive: it must start with the archive magic
/// number and end with the 0xFFFFFFFF terminator that mongodump writes last.
/// </summary>
internal static class MongoArchiveCheck
{
    private static readonly byte[] Magic = [0x6d, 0xe2, 0x99, 0x81];
    private static readonly byte[] Terminator = [0xff, 0xff, 0xff, 0xff];

    /// <summary>A pass-through that keeps the first and last bytes for <see cref="EnsureComplete"/>.</summary>
    public static TailCaptureStream Capture(Stream inner) => new(inner, tailBytes: 16, headBytes: Magic.Length);

    /// <exception cref="BackupFailedException">Not an archive, or cut short.</exception>
    public static void EnsureComplete(TailCaptureStream archive, string subject)
    {
        if (archive.BytesWritten < 8 || !archive.Head().SequenceEqual(Magic))
            throw new BackupFailedException($"{subject}: mongodump output is not a mongodump archive ({archive.BytesWritten} bytes)");
        if (!archive.Tail().AsSpan().EndsWith(Terminator))
            throw new BackupFailedException($"{subject}: mongodump archive does not end with its terminator ({archive.BytesWritten} bytes); the dump is incomplete and was not kept");
    }
}
