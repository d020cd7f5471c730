using System.Text;
using Baktainer.Abstractions;
using Baktainer.Compression.Zstd;

namespace Compression.Zstd.Tests;

public sealed class ZstdCodecTests
{
    // Dump-like text, several MB so that libzstd's workers split it into more than one job.
    private static readonly byte[] Dump = Encoding.UTF8.GetBytes(
        "--\n-- PostgreSQL database dump\n--\nCOPY public.items (id, name, amount) FROM stdin;\n" +
        string.Concat(Enumerable.Range(1, 150_000).Select(i => $"{i}\tcustomer {i * 7919 % 5000}\t{i * 31 % 10000}.{i % 100:00}\t{(i * 2654435761L % 1000003):x}\n")) +
        "\\.\n\n--\n-- PostgreSQL database dump complete\n--\n");

    private static async Task<byte[]> CompressAsync(ZstdCodec codec, int level, byte[] data, int chunk = 100_000)
    {
        using var stored = new MemoryStream();
        await using (var compressor = codec.CreateCompressor(stored, level))
            foreach (var part in data.Chunk(chunk)) await compressor.WriteAsync(part);
        Assert.That(stored.CanWrite, Is.True, "the destination is left open");
        return stored.ToArray();
    }

    private static async Task<byte[]> DecompressAsync(ZstdCodec codec, byte[] stored, int readSize = 81920)
    {
        await using var reader = codec.CreateDecompressor(new MemoryStream(stored), leaveOpen: false);
        using var raw = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0) raw.Write(buffer, 0, read);
        return raw.ToArray();
    }

    [TestCase(1, 0)] [TestCase(1, 2)] [TestCase(3, 2)] [TestCase(9, 1)] [TestCase(19, 2)]
    public async Task CreateCompressor_LevelAndWorkers_RoundTripsAndZstdCliAgrees(int level, int workers)
    {
        var codec = new ZstdCodec(new ZstdOptions { Workers = workers });
        var dump = level > 9 ? Dump[..600_000] : Dump; // the high levels are slow: a smaller dump shows the same
        var stored = await CompressAsync(codec, level, dump);
        Assert.That(stored.AsSpan(0, 4).ToArray(), Is.EqualTo(codec.MagicBytes.ToArray()));
        Assert.That(stored.Length, Is.LessThan(dump.Length / 3), "it compresses");
        Assert.That(await DecompressAsync(codec, stored), Is.EqualTo(dump));

        var (code, cliOutput, error) = await ZstdCli.RunAsync(stored, "-d", "-c");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(cliOutput, Is.EqualTo(dump), "the zstd command line decompresses it to the same bytes");
    }

    [Test]
    public async Task CreateDecompressor_ZstdCliOutputConcatenatedFrames_ReadsAll()
    {
        var (code, first, _) = await ZstdCli.RunAsync(Dump, "-3", "-c");
        Assert.That(code, Is.EqualTo(0));
        var twoFrames = first.Concat(first).ToArray();
        Assert.That(await DecompressAsync(new ZstdCodec(new ZstdOptions()), twoFrames, readSize: 1000), Is.EqualTo(Dump.Concat(Dump).ToArray()));
    }

    [Test]
    public async Task CreateCompressor_EmptyDump_OneValidFrame()
    {
        var codec = new ZstdCodec(new ZstdOptions());
        var stored = await CompressAsync(codec, 1, []);
        Assert.That(stored, Is.Not.Empty);
        Assert.That(await DecompressAsync(codec, stored), Is.Empty);
    }

    [Test]
    public async Task CreateDecompressor_DamagedData_ThrowsInvalidData()
    {
        var codec = new ZstdCodec(new ZstdOptions());
        var stored = await CompressAsync(codec, 3, Dump);
        for (var i = stored.Length / 2; i < stored.Length / 2 + 64; i++) stored[i] ^= 0xA5;
        Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(codec, stored));
    }

    [Test]
    public async Task CreateDecompressor_DamagedLiteralsInsideFrame_ContentChecksumCatchesIt()
    {
        var codec = new ZstdCodec(new ZstdOptions());
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 2000).Select(i => $"{Guid.NewGuid()}\n")));
        var stored = await CompressAsync(codec, 1, text);
        var (code, _, _) = await ZstdCli.RunAsync(stored, "-t", "-v");
        Assert.That(code, Is.EqualTo(0));
        // Random hex barely compresses: these bytes are literals, which decode without error unless the checksum is checked.
        stored[stored.Length / 2] ^= 0x01;
        var e = Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(codec, stored));
        Assert.That(e!.Message, Does.Contain("zstd"));
    }

    [Test]
    public async Task CreateDecompressor_Truncated_ThrowsInvalidDataNamingTruncation()
    {
        var codec = new ZstdCodec(new ZstdOptions());
        var stored = await CompressAsync(codec, 1, Dump);
        var e = Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(codec, stored[..(stored.Length - 100)]));
        Assert.That(e!.Message, Does.Contain("truncated"));
        Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(codec, []), "an empty file is not a zstd backup");
    }

    [Test]
    public void CreateCompressor_LibzstdMissing_ClearErrorSayingWhatToInstall()
    {
        var codec = new ZstdCodec(new ZstdOptions { Library = "/nonexistent/libzstd.so.1" });
        var e = Assert.Throws<BaktainerException>(() => codec.CreateCompressor(Stream.Null, 1));
        Assert.That(e!.Message, Does.Contain("libzstd").And.Contain("/nonexistent/libzstd.so.1").And.Contain("apt-get install libzstd1"));
        Assert.Throws<BaktainerException>(() => codec.CreateDecompressor(Stream.Null, leaveOpen: true));
    }

    [TestCase(0)] [TestCase(20)]
    public void CreateCompressor_LevelOutOfRange_Throws(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZstdCodec(new ZstdOptions()).CreateCompressor(Stream.Null, level));

    [Test]
    public async Task Write_SynchronousWrites_SameResultAsAsync()
    {
        var codec = new ZstdCodec(new ZstdOptions { Workers = 0 });
        using var stored = new MemoryStream();
        using (var compressor = codec.CreateCompressor(stored, 3))
            foreach (var part in Dump.Chunk(4096)) compressor.Write(part);
        Assert.That(await DecompressAsync(codec, stored.ToArray()), Is.EqualTo(Dump));
    }
}
