using System.Security.Cryptography;
using Baktainer.Host.Backup;

namespace Baktainer.Host.Tests.Backup;

public sealed class HashingFanOutStreamTests
{
    [Test]
    public async Task WriteAsync_ManyChunks_EveryDestinationGetsAllBytesAndHashMatches()
    {
        var data = new byte[1_000_003];
        new Random(3).NextBytes(data);
        var a = new MemoryStream();
        var b = new MemoryStream();
        using var fanOut = new HashingFanOutStream([a, b]);

        for (var at = 0; at < data.Length; at += 65_537)
            await fanOut.WriteAsync(data.AsMemory(at, Math.Min(65_537, data.Length - at)));
        fanOut.Write(Array.Empty<byte>());

        Assert.That(a.ToArray(), Is.EqualTo(data));
        Assert.That(b.ToArray(), Is.EqualTo(data));
        Assert.That(fanOut.BytesWritten, Is.EqualTo(data.Length));
        Assert.That(fanOut.Sha256Hex(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(data))));
    }

    [Test]
    public void WriteAsync_DestinationFails_ErrorReachesTheWriter()
    {
        using var fanOut = new HashingFanOutStream([new MemoryStream(), new MemoryStream(new byte[4], writable: false)]);
        Assert.That(async () => await fanOut.WriteAsync(new byte[10]), Throws.InstanceOf<NotSupportedException>(), "a failing storage must fail the backup, not be skipped");
    }

    [Test]
    public void Stream_IsWriteOnly() =>
        Assert.That(() => new HashingFanOutStream([]).ReadByte(), Throws.InstanceOf<NotSupportedException>());
}
