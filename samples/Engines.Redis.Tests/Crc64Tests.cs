namespace Baktainer.Engines.Redis.Tests;

/// <summary>The CRC-64 Redis writes at the end of an RDB file.</summary>
public sealed class Crc64Tests
{
    [Test]
    public void Update_CheckString_GivesRedisCheckValue() =>
        // Redis's own crc64 self-test: crc64(0, "123456789") == 0xe9c6d914c4b8d9ca.
        Assert.That(Crc64.Update(0, "123456789"u8), Is.EqualTo(0xE9C6D914C4B8D9CAUL));

    [Test]
    public void Update_InPieces_EqualsInOneGo()
    {
        var data = RdbFixtures.ServerSave;
        var pieces = Crc64.Update(Crc64.Update(Crc64.Update(0, data.AsSpan(0, 1)), data.AsSpan(1, 50)), data.AsSpan(51));

        Assert.That(pieces, Is.EqualTo(Crc64.Update(0, data)));
    }

    [Test]
    public void Update_RealRdbFile_MatchesTheChecksumRedisWrote()
    {
        var rdb = RdbFixtures.ServerSave;

        Assert.That(Crc64.Update(0, rdb.AsSpan(0, rdb.Length - 8)), Is.EqualTo(BitConverter.ToUInt64(rdb, rdb.Length - 8)));
    }
}
