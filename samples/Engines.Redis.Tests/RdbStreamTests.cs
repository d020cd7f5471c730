using System.Text;
using Baktainer.Abstractions.Engines;

namespace Baktainer.Engines.Redis.Tests;

/// <summary>
/// The RDB check a backup passes through: a real RDB passes byte for byte, redis-cli's end-of-file
/// marker is dropped, and anything incomplete or damaged fails naming the target.
/// </summary>
public sealed class RdbStreamTests
{
    private const string Target = "cache-1";

    private static async Task<byte[]> PassAsync(byte[] input, int chunk = int.MaxValue)
    {
        using var destination = new MemoryStream();
        var rdb = new RdbStream(destination);
        for (var at = 0; at < input.Length; at += chunk)
            await rdb.WriteAsync(input.AsMemory(at, Math.Min(chunk, input.Length - at)));
        await rdb.CompleteAsync(Target, CancellationToken.None);
        return destination.ToArray();
    }

    [TestCase(int.MaxValue)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(48)]
    [TestCase(50)]
    public async Task CompleteAsync_ServerRdb_PassesUnchanged(int chunk) =>
        Assert.That(await PassAsync(RdbFixtures.ServerSave, chunk), Is.EqualTo(RdbFixtures.ServerSave));

    [TestCase(int.MaxValue)]
    [TestCase(1)]
    [TestCase(13)]
    public async Task CompleteAsync_RedisCliOutputWithMarker_MarkerTrimmed(int chunk)
    {
        var output = RdbFixtures.RedisCliOutput;

        var written = await PassAsync(output, chunk);

        Assert.That(written, Is.EqualTo(output[..^RdbFixtures.MarkerLength]));
        Assert.That(written[^9], Is.EqualTo(0xFF), "ends with the EOF opcode and its CRC-64");
    }

    [Test]
    public async Task CompleteAsync_ServerRdb_ReadsTheVersion()
    {
        var rdb = new RdbStream(Stream.Null);
        await rdb.WriteAsync(RdbFixtures.ServerSave);
        await rdb.CompleteAsync(Target, CancellationToken.None);

        Assert.That(rdb.Version, Is.EqualTo(10));
    }

    [Test]
    public async Task CompleteAsync_ChecksumDisabled_Passes()
    {
        // rdbchecksum no: Redis writes a zero CRC, which loads.
        var rdb = RdbFixtures.ServerSave;
        byte[] zeroCrc = [.. rdb[..^8], 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.That(await PassAsync(zeroCrc), Is.EqualTo(zeroCrc));
    }

    [TestCase(1, TestName = "CompleteAsync_LastByteMissing_FailsAsTruncated")]
    [TestCase(9, TestName = "CompleteAsync_EofAndChecksumMissing_FailsAsTruncated")]
    [TestCase(100, TestName = "CompleteAsync_CutInTheMiddle_FailsAsTruncated")]
    public void CompleteAsync_Truncated_Fails(int missing)
    {
        var cut = RdbFixtures.ServerSave[..^missing];

        var error = Assert.ThrowsAsync<BackupFailedException>(() => PassAsync(cut));

        Assert.That(error!.Message, Does.StartWith(Target + ":").And.Contain("truncated"));
    }

    [Test]
    public void CompleteAsync_ByteChangedInTheMiddle_FailsOnTheChecksum()
    {
        var damaged = RdbFixtures.Flipped(RdbFixtures.ServerSave, 80);

        var error = Assert.ThrowsAsync<BackupFailedException>(() => PassAsync(damaged));

        Assert.That(error!.Message, Does.Contain("CRC-64"));
    }

    [Test]
    public void CompleteAsync_NoEofOpcode_Fails()
    {
        var error = Assert.ThrowsAsync<BackupFailedException>(() => PassAsync(RdbFixtures.WithoutEofOpcode()));

        Assert.That(error!.Message, Does.Contain("end-of-file opcode"));
    }

    [Test]
    public void CompleteAsync_MarkerWithAChecksumError_Fails()
    {
        var output = RdbFixtures.RedisCliOutput;
        var damaged = RdbFixtures.Flipped(output, output.Length - RdbFixtures.MarkerLength - 3);

        Assert.ThrowsAsync<BackupFailedException>(() => PassAsync(damaged));
    }

    [Test]
    public void CompleteAsync_GarbageInsteadOfMarker_Fails()
    {
        byte[] output = [.. RdbFixtures.ServerSave, .. Encoding.ASCII.GetBytes(new string('X', RdbFixtures.MarkerLength))];

        Assert.ThrowsAsync<BackupFailedException>(() => PassAsync(output), "only redis-cli's hex marker may follow the RDB");
    }

    [TestCase("", TestName = "CompleteAsync_Empty_FailsAsNotAnRdb")]
    [TestCase("-ERR unknown command\n", TestName = "CompleteAsync_ErrorText_FailsAsNotAnRdb")]
    public void CompleteAsync_NotAnRdb_Fails(string text)
    {
        var error = Assert.ThrowsAsync<BackupFailedException>(() => PassAsync(Encoding.ASCII.GetBytes(text)));

        Assert.That(error!.Message, Does.Contain("not an RDB file"));
    }
}
