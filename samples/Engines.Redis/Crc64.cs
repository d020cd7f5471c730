namespace Baktainer.Engines.Redis;

/// <summary>
/// The CRC-64 Redis writes at the end of an RDB file: the Jones polynomial, reflected
/// (0x95AC9329AC4BC9B5), initial value 0, no final xor; check value of "123456789" is 0xE9C6D914C4B8D9CA.
/// </summary>
internal static class Crc64
{
    private const ulong Polynomial = 0x95AC9329AC4BC9B5;
    private static readonly ulong[] Table = BuildTable();

    public static ulong Update(ulong crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = Table[(byte)(crc ^ b)] ^ (crc >> 8);
        return crc;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ulong)i;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            table[i] = crc;
        }
        return table;
    }
}
