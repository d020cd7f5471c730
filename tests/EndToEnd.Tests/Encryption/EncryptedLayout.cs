using System.Buffers.Binary;

namespace EndToEnd.Tests.Encryption;

/// <summary>
/// Where the segments of a stored encrypted backup are, read from its header independently of
/// Baktainer's code (docs/encryption.md), so tests can damage exactly one segment.
/// </summary>
internal static class EncryptedLayout
{
    public static int HeaderLength(byte[] file)
    {
        var offset = 49;
        for (var i = 0; i < file[48]; i++)
        {
            offset += 2 + file[offset + 1];
            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset));
        }
        return offset;
    }

    public static int SegmentSize(byte[] file) => (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(5)) + 16;

    public static int SegmentOffset(byte[] file, int index) => HeaderLength(file) + index * SegmentSize(file);

    public static int SegmentCount(byte[] file) => (file.Length - HeaderLength(file) + SegmentSize(file) - 1) / SegmentSize(file);
}
