using System.IO.Compression;
using System.Text;
using Baktainer.Host.Compression;

namespace Baktainer.Host.Tests.Compression;

public sealed class GzipCodecTests
{
    private static readonly byte[] Dump = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 20000).Select(i => $"{i}\tcustomer {i % 97}\t{i * 31 % 1000}.{i % 100:00}\n")));

    private static async Task<byte[]> CompressAsync(GzipCodec codec, int level)
    {
        using var stored = new MemoryStream();
        await using (var compressor = codec.CreateCompressor(stored, level))
            foreach (var chunk in Dump.Chunk(7000)) await compressor.WriteAsync(chunk);
        Assert.That(stored.CanWrite, Is.True, "the destination is left open");
        return stored.ToArray();
    }

    [TestCase(1)] [TestCase(2)] [TestCase(3)] [TestCase(6)] [TestCase(9)]
    public async Task CreateCompressor_EachLevel_GzipToolFormatThatRoundTrips(int level)
    {
        var codec = new GzipCodec();
        var stored = await CompressAsync(codec, level);
        Assert.That(stored.AsSpan(0, 2).ToArray(), Is.EqualTo(codec.MagicBytes.ToArray()));
        using var reader = codec.CreateDecompressor(new MemoryStream(stored), leaveOpen: false);
        using var raw = new MemoryStream();
        await reader.CopyToAsync(raw);
        Assert.That(raw.ToArray(), Is.EqualTo(Dump));
    }

    [Test]
    public async Task CreateCompressor_DefaultLevel_SmallerThanFastest()
    {
        var codec = new GzipCodec();
        var fastest = await CompressAsync(codec, codec.Levels.Fastest);
        var byDefault = await CompressAsync(codec, codec.Levels.Default);
        Assert.That(byDefault.Length, Is.LessThan(fastest.Length), "the default level exists to beat level 1's ratio");
    }

    [TestCase(0)] [TestCase(10)]
    public void CreateCompressor_LevelOutOfRange_Throws(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GzipCodec().CreateCompressor(Stream.Null, level));

    [Test]
    public async Task CreateDecompressor_DamagedData_ThrowsInvalidData()
    {
        var stored = await CompressAsync(new GzipCodec(), 2);
        for (var i = 100; i < 200; i++) stored[i] ^= 0x5A;
        using var reader = new GzipCodec().CreateDecompressor(new MemoryStream(stored), leaveOpen: false);
        Assert.ThrowsAsync<InvalidDataException>(() => reader.CopyToAsync(Stream.Null));
    }

    [Test]
    public async Task CreateDecompressor_OriginalToolFile_ReadsGzipCliOutput()
    {
        using var stored = new MemoryStream();
        await using (var gzip = new GZipStream(stored, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(Dump);
        using var reader = new GzipCodec().CreateDecompressor(new MemoryStream(stored.ToArray()), leaveOpen: false);
        using var raw = new MemoryStream();
        await reader.CopyToAsync(raw);
        Assert.That(raw.Length, Is.EqualTo(Dump.Length));
    }
}
