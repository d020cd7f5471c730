using System.IO.Compression;
using System.Text;
using Baktainer.Host.Compression;
using Baktainer.Host.Plugins;

namespace Baktainer.Host.Tests.Compression;

public sealed class CodecSnifferTests
{
    private static readonly CompressionCodecs Codecs = new([], new PluginCatalog([]));
    private const string Dump = "--\n-- PostgreSQL database dump\n--\ncreate table t(x int);\n";

    /// <summary>A stream that hands out one byte per read, like a slow network stream.</summary>
    private sealed class Trickle(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }

    [Test]
    public async Task DetectAsync_OriginalToolSqlGz_GzipAndWholeContent()
    {
        using var file = new MemoryStream();
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true)) await gzip.WriteAsync(Encoding.UTF8.GetBytes(Dump));
        var (codec, replayed) = await CodecSniffer.DetectAsync(new Trickle(file.ToArray()), Codecs, CancellationToken.None);
        Assert.That(codec.Name, Is.EqualTo("gzip"));
        using var reader = new StreamReader(codec.CreateDecompressor(replayed, leaveOpen: false));
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(Dump));
    }

    [Test]
    public async Task DetectAsync_PlainDump_NoneAndNoByteLost()
    {
        var (codec, replayed) = await CodecSniffer.DetectAsync(new Trickle(Encoding.UTF8.GetBytes(Dump)), Codecs, CancellationToken.None);
        Assert.That(codec.Name, Is.EqualTo("none"));
        using var reader = new StreamReader(codec.CreateDecompressor(replayed, leaveOpen: false));
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(Dump));
    }

    [Test]
    public async Task DetectAsync_OneByteFile_None()
    {
        var (codec, replayed) = await CodecSniffer.DetectAsync(new MemoryStream([0x1F]), Codecs, CancellationToken.None);
        Assert.That(codec.Name, Is.EqualTo("none"));
        Assert.That(replayed.ReadByte(), Is.EqualTo(0x1F));
        Assert.That(replayed.ReadByte(), Is.EqualTo(-1));
    }
}
