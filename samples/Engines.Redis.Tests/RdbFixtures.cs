namespace Baktainer.Engines.Redis.Tests;

/// <summary>
/// Real RDB bytes written by Debian's redis-server 7.0.15 (keys alpha, beta = "two ✓", hash user:1),
/// and helpers that damage them the way a failing dump does.
/// </summary>
internal static class RdbFixtures
{
    /// <summary>The 40 lower-case hex bytes redis-cli appends after the RDB with diskless replication.</summary>
    public const int MarkerLength = 40;

    /// <summary>The server's own <c>SAVE</c> output (dump.rdb).</summary>
    public static byte[] ServerSave => Convert.FromBase64String(
        "UkVESVMwMDEw+glyZWRpcy12ZXIGNy4wLjE1+gpyZWRpcy1iaXRzwED6BWN0aW1lwqPtAmv6CHVzZWQtbWVtwki2DgD6CGFvZi1iYXNlwAD+APsDAAAFYWxwaGHAARAGdXNlcjoxEhIAAAACAIRuYW1lBYNBZGEE/wAEYmV0YQd0d28g4pyT//UGAESzzGS3");

    /// <summary>What <c>redis-cli --rdb -</c> printed: an RDB followed by its end-of-file marker.</summary>
    public static byte[] RedisCliOutput => Convert.FromBase64String(
        "UkVESVMwMDEw+glyZWRpcy12ZXIGNy4wLjE1+gpyZWRpcy1iaXRzwED6BWN0aW1lwq7tAmv6CHVzZWQtbWVtwvicDwD6DnJlcGwtc3RyZWFtLWRiwAD6B3JlcGwtaWQoMDY5YjNhMzgzM2FhMGRiNmNkNDRhNmQxNzBhZGIxOTZjNTQ2YmE3M/oLcmVwbC1vZmZzZXTADvoIYW9mLWJhc2XAAP4A+wMAAAVhbHBoYcABEAZ1c2VyOjESEgAAAAIAhG5hbWUFg0FkYQT/AARiZXRhB3R3byDinJP/uTHUoH5xJWpkMWFlNjljNDEwM2I2MDcwZDcxOTc3OWM5NmUwOTBiMTc3ODBkOWJk");

    /// <summary><paramref name="bytes"/> with the byte at <paramref name="index"/> changed.</summary>
    public static byte[] Flipped(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0x20;
        return copy;
    }

    /// <summary>An RDB body without the final EOF opcode, closed by a CRC-64 that matches it.</summary>
    public static byte[] WithoutEofOpcode()
    {
        var body = ServerSave[..^9];
        return [.. body, .. BitConverter.GetBytes(Crc64.Update(0, body))];
    }
}
