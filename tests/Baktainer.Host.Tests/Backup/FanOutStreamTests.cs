using System.Security.Cryptography;
using Baktainer.Abstractions;
using Baktainer.Host.Backup;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Backup;

public sealed class FanOutStreamTests
{
    private static async Task<List<StorageCopy>> CopiesAsync(params MemoryStorage[] storages)
    {
        var copies = new List<StorageCopy>();
        foreach (var storage in storages)
            copies.Add(new StorageCopy(storage) { Upload = await storage.BeginUploadAsync("k", CancellationToken.None) });
        return copies;
    }

    [Test]
    public async Task WriteAsync_ManyChunks_EveryCopyGetsAllBytesAndHashMatches()
    {
        var data = new byte[1_000_003];
        new Random(3).NextBytes(data);
        var copies = await CopiesAsync(new MemoryStorage("a"), new MemoryStorage("b"));
        using var fanOut = new FanOutStream(copies);

        for (var at = 0; at < data.Length; at += 65_537)
            await fanOut.WriteAsync(data.AsMemory(at, Math.Min(65_537, data.Length - at)));
        fanOut.Write(Array.Empty<byte>());

        foreach (var copy in copies) Assert.That(((MemoryStream)copy.Upload!.Content).ToArray(), Is.EqualTo(data));
        Assert.That(fanOut.BytesWritten, Is.EqualTo(data.Length));
        Assert.That(fanOut.Sha256Hex(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(data))));
    }

    [Test]
    public async Task WriteAsync_OneOfTwoCopiesFails_OtherCarriesOnAndFailureRecorded()
    {
        var copies = await CopiesAsync(new MemoryStorage("local"), new MemoryStorage("offsite") { FailWrite = true });
        using var fanOut = new FanOutStream(copies);

        await fanOut.WriteAsync(new byte[10]);
        await fanOut.WriteAsync(new byte[5]);

        Assert.That(((MemoryStream)copies[0].Upload!.Content).Length, Is.EqualTo(15));
        Assert.That((copies[0].Live, copies[1].Live), Is.EqualTo((true, false)));
        Assert.That(copies[1].Failure, Does.Contain("NotSupportedException"));
    }

    [Test]
    public async Task WriteAsync_EveryCopyFails_WritingFailsNamingEach()
    {
        var copies = await CopiesAsync(new MemoryStorage("a") { FailWrite = true }, new MemoryStorage("b") { FailWrite = true });
        using var fanOut = new FanOutStream(copies);

        Assert.That(async () => await fanOut.WriteAsync(new byte[10]), Throws.InstanceOf<BaktainerException>());
        Assert.That(copies.All(c => !c.Live));
    }

    [Test]
    public async Task WriteAsync_OnlyCopyFails_ItsOwnErrorReachesTheWriter()
    {
        using var fanOut = new FanOutStream(await CopiesAsync(new MemoryStorage("a") { FailWrite = true }));
        Assert.That(async () => await fanOut.WriteAsync(new byte[10]), Throws.InstanceOf<NotSupportedException>(), "one storage: its failure is the backup's");
    }

    [Test]
    public void Stream_IsWriteOnly() =>
        Assert.That(() => new FanOutStream([]).ReadByte(), Throws.InstanceOf<NotSupportedException>());
}
